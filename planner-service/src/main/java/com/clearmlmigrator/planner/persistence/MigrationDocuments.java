package com.clearmlmigrator.planner.persistence;

import java.util.Date;
import java.util.List;

import org.bson.Document;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.StoredCopy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Mapping between {@link Migration} and its stored document: every field but credentials, which it never has. */
final class MigrationDocuments {
    // Copy plans hold mappings and settings as plain JSON; no dates or custom types.
    private static final ObjectMapper JSON = new ObjectMapper();
    /** In an undo's relink spec: the relink it reverses, so a second undo of it can be told apart. */
    static final String UNDO_OF = "undoOf";

    private MigrationDocuments() {}

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A copy plan could not be written as JSON", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored copy plan could not be read", e);
        }
    }

    static Document toDocument(Migration m) {
        return new Document("_id", m.id())
                .append("kind", m.kind().wireName())
                .append("status", m.status().name())
                .append("mongoUri", m.targets().mongoUri())
                .append("mongoDatabase", m.targets().mongoDatabase())
                .append("elasticHosts", m.targets().elasticHosts())
                .append("sourceHosts", m.targets().sourceHosts())
                .append("relink", m.relink() == null ? null : relinkDocument(m.relink()))
                .append("copy", m.copy() == null ? null : Document.parse(write(m.copy())))
                // A list, not a map by name: an index name may hold a dot, which a field name should not.
                .append(
                        "planned",
                        m.planned().stream()
                                .map(p -> new Document("target", p.target()).append("documents", p.documents()))
                                .toList())
                .append("error", m.error())
                .append("createdAt", Date.from(m.createdAt()))
                .append("updatedAt", Date.from(m.updatedAt()));
    }

    static Migration toMigration(Document d) {
        Document relink = d.get("relink", Document.class);
        Document copy = d.get("copy", Document.class);
        return new Migration(
                d.getString("_id"),
                MigrationKind.fromWireName(d.getString("kind")).orElseThrow(),
                MigrationStatus.valueOf(d.getString("status")),
                new Migration.Targets(
                        d.getString("mongoUri"),
                        d.getString("mongoDatabase"),
                        d.getList("elasticHosts", String.class),
                        d.getList("sourceHosts", String.class)),
                relink == null ? null : toRelinkSpec(relink),
                copy == null ? null : read(copy.toJson(), StoredCopy.class),
                // Migrations stored before planned documents were kept have none.
                d.getList("planned", Document.class, List.of()).stream()
                        .map(p -> new Migration.PlannedDocuments(
                                p.getString("target"),
                                p.get("documents", Number.class).longValue()))
                        .toList(),
                d.getString("error"),
                d.getDate("createdAt").toInstant(),
                d.getDate("updatedAt").toInstant());
    }

    private static Document relinkDocument(RelinkSpec spec) {
        return new Document("from", spec.from())
                .append("to", spec.to())
                .append("dryRun", spec.dryRun())
                .append("include", spec.include())
                .append("extraFields", spec.extraFields())
                .append(UNDO_OF, spec.undoOf());
    }

    private static RelinkSpec toRelinkSpec(Document d) {
        return new RelinkSpec(
                d.getString("from"),
                d.getString("to"),
                d.getBoolean("dryRun", false),
                d.getList("include", String.class),
                d.getList("extraFields", String.class),
                d.getString(UNDO_OF));
    }
}
