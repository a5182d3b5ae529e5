package com.clearmlmigrator.planner.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.planner.migration.InvalidRequestException;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.RequestRules;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the body of {@code POST /migrations}, and the optional one of undo and retry. A migration's kind comes first,
 * then whether every field belongs to that kind, then the kind's record, strictly. Reading the kind first is what lets
 * a field of another kind be answered with what it is for ("apply to relink migrations only") instead of as an unknown
 * field.
 */
@ApplicationScoped
public class MigrationRequestReader {
    private static final Set<String> INSPECT_FIELDS = fields(InspectRequest.class);
    private static final Set<String> RELINK_FIELDS = fields(RelinkRequest.class);
    private static final Set<String> COPY_FIELDS = fields(EsCopyRequest.class);

    private final StrictJsonReader json;

    public MigrationRequestReader(StrictJsonReader json) {
        this.json = json;
    }

    /** The optional body of undo and retry: the connections again; none when the body is empty. */
    public ConnectionsRequest readConnections(String body) {
        return body.isBlank() ? ConnectionsRequest.NONE : json.read(body, ConnectionsRequest.class);
    }

    /** What the command tells of the state files of one place; null when the body is empty. */
    public <T extends Record> T readStateFiles(String body, Class<T> told) {
        return body.isBlank() ? null : json.read(body, told);
    }

    public MigrationRequest read(String body) {
        JsonNode request = json.readObject(body);
        MigrationKind kind = RequestRules.kind(kindOf(request));
        List<String> given = new ArrayList<>();
        request.fieldNames().forEachRemaining(given::add);
        checkTheyBelongTo(kind, given);
        return json.bind(request, MigrationRequest.class);
    }

    private static String kindOf(JsonNode request) {
        JsonNode kind = request.path("kind");
        if (kind.isMissingNode() || kind.isNull()) {
            return null;
        }
        if (!kind.isTextual()) {
            throw new InvalidRequestException("Field 'kind' must be a string.");
        }
        return kind.asText();
    }

    /** Fields of another kind are named with the kind they belong to; fields of no kind are left to the binding. */
    private static void checkTheyBelongTo(MigrationKind kind, List<String> given) {
        if (kind == MigrationKind.ES_COPY) {
            if (given.stream().anyMatch(f -> !COPY_FIELDS.contains(f) && isAnyKindsField(f))) {
                throw new InvalidRequestException("An es-copy takes 'source' and 'target' clusters; "
                        + listed(others(COPY_FIELDS, INSPECT_FIELDS, RELINK_FIELDS))
                        + " belong to other kinds.");
            }
            return;
        }
        Set<String> own = kind == MigrationKind.INSPECT ? INSPECT_FIELDS : RELINK_FIELDS;
        if (given.stream().anyMatch(f -> !own.contains(f) && COPY_FIELDS.contains(f) && !RELINK_FIELDS.contains(f))) {
            throw new InvalidRequestException(
                    "Fields " + listed(others(RELINK_FIELDS, COPY_FIELDS)) + " apply to es-copy migrations only.");
        }
        if (given.stream().anyMatch(f -> !own.contains(f) && RELINK_FIELDS.contains(f))) {
            throw new InvalidRequestException(
                    "Fields " + listed(others(INSPECT_FIELDS, RELINK_FIELDS)) + " apply to relink migrations only.");
        }
    }

    private static boolean isAnyKindsField(String field) {
        return INSPECT_FIELDS.contains(field) || RELINK_FIELDS.contains(field) || COPY_FIELDS.contains(field);
    }

    /** The fields of {@code kinds} that {@code own} does not have, in declaration order. */
    @SafeVarargs
    private static List<String> others(Set<String> own, Set<String>... kinds) {
        Set<String> others = new LinkedHashSet<>();
        Arrays.stream(kinds).forEach(others::addAll);
        others.removeAll(own);
        return List.copyOf(others);
    }

    private static String listed(List<String> fields) {
        List<String> quoted = fields.stream().map(f -> "'" + f + "'").toList();
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    private static Set<String> fields(Class<? extends Record> request) {
        return Arrays.stream(request.getRecordComponents())
                .map(component -> component.getName())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
