package com.clearmlmigrator.planner.migration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.relink.ClearmlFields;
import com.clearmlmigrator.relink.ExtraField;
import com.clearmlmigrator.relink.LinkRewriter;

/**
 * What a migration request must satisfy. Every rule fails with a sentence naming the field and what to change; no rule
 * repeats a value that could hold a secret.
 */
public final class RequestRules {
    public static final String DEFAULT_DATABASE = "backend";
    private static final int MAX_URL_LENGTH = 2048;
    private static final int MAX_HOSTS = 64;
    private static final int MAX_NAME_LENGTH = 256;
    private static final int MAX_EXTRA_FIELDS = 50;
    private static final Pattern DATABASE_NAME = Pattern.compile("[^/\\\\. \"$*<>:|?\\p{Cntrl}]{1,63}");

    private RequestRules() {}

    public static MigrationKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidRequestException(
                    "Field 'kind' is required. Supported kinds: " + MigrationKind.supported() + ".");
        }
        if (kind.equals(MigrationKind.UNDO.wireName())) {
            throw new InvalidRequestException(
                    "An undo is started from the relink it reverses: POST /migrations/{id}/undo with the relink's id.");
        }
        return MigrationKind.fromWireName(kind)
                .orElseThrow(() -> new InvalidRequestException(
                        "Unknown kind '" + shorten(kind) + "'. Supported kinds: " + MigrationKind.supported() + "."));
    }

    public static MongoEndpoint mongo(String uri, String database) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidRequestException("Field 'mongo.uri' is required, for example mongodb://mongo:27017.");
        }
        if (uri.length() > MAX_URL_LENGTH) {
            throw new InvalidRequestException("Field 'mongo.uri' is longer than " + MAX_URL_LENGTH + " characters.");
        }
        if (!uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
            throw new InvalidRequestException(
                    "Field 'mongo.uri' must start with mongodb:// or mongodb+srv://, for example mongodb://mongo:27017.");
        }
        String db = database == null ? DEFAULT_DATABASE : database;
        if (!DATABASE_NAME.matcher(db).matches()) {
            throw new InvalidRequestException(
                    "Field 'mongo.database' is not a valid MongoDB database name: it needs 1"
                            + " to 63 characters without spaces, control characters or any of / \\ . \" $ * < > : | ?. ClearML uses 'backend'.");
        }
        return new MongoEndpoint(uri, db);
    }

    public static ElasticEndpoint elastic(List<String> hosts, String username, String password) {
        return elastic("elastic", hosts, username, password);
    }

    /** An Elasticsearch connection given in the request field {@code field} ({@code elastic}, {@code source}...). */
    public static ElasticEndpoint elastic(String field, List<String> hosts, String username, String password) {
        if (hosts == null || hosts.isEmpty()) {
            throw new InvalidRequestException(
                    "Field '" + field + ".hosts' needs at least one URL, for example [\"http://elasticsearch:9200\"].");
        }
        if (hosts.size() > MAX_HOSTS) {
            throw new InvalidRequestException("Field '" + field + ".hosts' lists more than " + MAX_HOSTS + " hosts.");
        }
        for (int i = 0; i < hosts.size(); i++) {
            checkHttpUrl(field, i, hosts.get(i));
        }
        if ((username == null) != (password == null)) {
            throw new InvalidRequestException(
                    "Fields '" + field + ".username' and '" + field + ".password' go together: give both or neither.");
        }
        return new ElasticEndpoint(hosts, username, password);
    }

    public static MigrationOrder order(MigrationKind kind, MongoEndpoint mongo, ElasticEndpoint elastic) {
        return order(kind, mongo, elastic, null);
    }

    public static MigrationOrder order(
            MigrationKind kind, MongoEndpoint mongo, ElasticEndpoint elastic, RelinkSpec relink) {
        if (mongo == null && elastic == null) {
            throw new InvalidRequestException(
                    "A " + kind.wireName() + " migration needs a 'mongo' or an 'elastic' connection, or both.");
        }
        if (kind == MigrationKind.ES_COPY) {
            throw new InvalidRequestException("An es-copy takes 'source' and 'target' clusters.");
        }
        if (kind != MigrationKind.INSPECT && relink == null) {
            throw new InvalidRequestException("A relink migration needs 'from' and 'to', for example"
                    + " \"from\": \"http://files.old.lan:8081/\", \"to\": \"https://files.example.com/\".");
        }
        if (kind == MigrationKind.INSPECT && relink != null) {
            throw new InvalidRequestException(
                    "Fields 'from', 'to', 'dryRun', 'include' and 'extraFields' apply to relink migrations only.");
        }
        return new MigrationOrder(kind, mongo, elastic, relink);
    }

    /** The relink part of a request, or null when the request has none of its fields. */
    public static RelinkSpec relink(
            String from, String to, Boolean dryRun, List<String> include, List<String> extraFields) {
        if (from == null && to == null && dryRun == null && include == null && extraFields == null) {
            return null;
        }
        try {
            LinkRewriter.of(from, to);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        List<String> groups = include == null ? List.of() : include;
        for (String group : groups) {
            if (!ClearmlFields.INCLUDE_GROUPS.contains(group)) {
                throw new InvalidRequestException("Unknown 'include' group '" + shorten(String.valueOf(group))
                        + "'. Known groups: " + String.join(", ", new TreeSet<>(ClearmlFields.INCLUDE_GROUPS)) + ".");
            }
        }
        List<String> extras = extraFields == null ? List.of() : extraFields;
        if (extras.size() > MAX_EXTRA_FIELDS) {
            throw new InvalidRequestException("'extraFields' lists more than " + MAX_EXTRA_FIELDS + " fields.");
        }
        try {
            extras.forEach(ExtraField::parse);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        return new RelinkSpec(from, to, Boolean.TRUE.equals(dryRun), groups, extras);
    }

    /** The {@code host}-th URL of the connection given in the request field {@code connection}. */
    private static void checkHttpUrl(String connection, int host, String value) {
        String field = connection + ".hosts[" + host + "]";
        String example = " such as http://elasticsearch:9200";
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("Field '" + field + "' is empty; give a URL" + example + ".");
        }
        if (value.length() > MAX_URL_LENGTH) {
            throw new InvalidRequestException(
                    "Field '" + field + "' is longer than " + MAX_URL_LENGTH + " characters.");
        }
        try {
            URI uri = new URI(value);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            boolean bare = (uri.getPath() == null
                            || uri.getPath().isEmpty()
                            || uri.getPath().equals("/"))
                    && uri.getQuery() == null
                    && uri.getUserInfo() == null;
            if (!http || uri.getHost() == null || !bare) {
                throw new InvalidRequestException(
                        "Field '" + field + "' must be an http:// or https:// URL with a host" + " and port only"
                                + example + "; put credentials in '" + connection + ".username' and '" + connection
                                + ".password'.");
            }
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("Field '" + field + "' is not a valid URL; give one" + example + ".");
        }
    }

    public static String shorten(String value) {
        return value.length() <= MAX_NAME_LENGTH ? value : value.substring(0, MAX_NAME_LENGTH) + "...";
    }
}
