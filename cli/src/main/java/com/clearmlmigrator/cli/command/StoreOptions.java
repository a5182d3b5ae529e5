package com.clearmlmigrator.cli.command;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.clearmlmigrator.cli.planner.PlannerClient;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** ClearML's MongoDB and Elasticsearch, by our flag names and by those of ClearML's own scripts. */
public class StoreOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = {"--mongo", "--mongo-host"},
            paramLabel = "URI",
            description = "ClearML's MongoDB, for example mongodb://mongo:27017; a bare host:port means"
                    + " mongodb://host:port (ClearML's flag: --mongo-host). For a URI with a user and no password, the"
                    + " password is read from CLEARML_MIGRATOR_MONGO_PASSWORD or asked for.")
    String mongo;

    @Option(
            names = "--mongo-database",
            paramLabel = "NAME",
            defaultValue = "backend",
            description = "ClearML's database (default: ${DEFAULT-VALUE}).")
    String mongoDatabase;

    @Option(
            names = {"--elastic", "--elastic-host"},
            paramLabel = "URL",
            description = "ClearML's Elasticsearch, for example http://elasticsearch:9200; a bare host:port means"
                    + " http://host:port (ClearML's flag: --elastic-host). Repeat for more nodes of the cluster.")
    List<String> elastic;

    @Option(names = "--elastic-user", paramLabel = "USER", description = "Elasticsearch user, when it has security.")
    String elasticUser;

    @Option(
            names = "--elastic-password",
            arity = "0..1",
            interactive = true,
            paramLabel = "PASSWORD",
            description = "Accepted as ClearML's flag, but leave the value out: it is read from"
                    + " CLEARML_MIGRATOR_ELASTIC_PASSWORD, or asked for.")
    char[] elasticPassword;

    boolean hasAny() {
        return mongo != null || elastic != null;
    }

    /** Adds {@code mongo} and {@code elastic} to a request, as given. */
    void addTo(ObjectNode request) {
        if (mongo != null) {
            request.putObject("mongo")
                    .put("uri", withPassword(Addresses.mongoUri(mongo)))
                    .put("database", mongoDatabase);
        }
        if (elastic != null) {
            request.set(
                    "elastic",
                    cluster(spec, elastic, elasticUser, elasticPassword, "CLEARML_MIGRATOR_ELASTIC_PASSWORD"));
        }
    }

    /** An Elasticsearch connection of a request; the password only when a user is given. */
    static ObjectNode cluster(
            CommandSpec spec, List<String> hosts, String user, char[] given, String passwordVariable) {
        ObjectNode cluster = PlannerClient.JSON.createObjectNode();
        hosts.forEach(host -> cluster.withArray("hosts").add(Addresses.withScheme(host)));
        if (user != null) {
            cluster.put("username", user)
                    .put("password", Secrets.password(spec, given, passwordVariable, "Elasticsearch user " + user));
        }
        return cluster;
    }

    private String withPassword(String uri) {
        int scheme = uri.indexOf("://");
        int at = uri.indexOf('@');
        if (scheme < 0 || at < 0 || uri.substring(scheme + 3, at).contains(":")) {
            return uri;
        }
        String user = uri.substring(scheme + 3, at);
        String password = Secrets.password(spec, null, "CLEARML_MIGRATOR_MONGO_PASSWORD", "MongoDB user " + user);
        return uri.substring(0, at) + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8) + uri.substring(at);
    }
}
