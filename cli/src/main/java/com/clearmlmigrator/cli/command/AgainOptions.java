package com.clearmlmigrator.cli.command;

import java.util.List;

import com.clearmlmigrator.cli.planner.PlannerClient;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The connections of a migration given again, for an undo or a retry: the planner never stores passwords, so a
 * migration that used them needs them once more. Without any, the migration's own connections are used.
 */
public class AgainOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    StoreOptions stores;

    @Option(names = "--source", paramLabel = "URL", description = "es-copy: the source cluster again.")
    List<String> source;

    @Option(
            names = "--source-user",
            paramLabel = "USER",
            description = "Its user; the password from CLEARML_MIGRATOR_SOURCE_PASSWORD or asked for.")
    String sourceUser;

    @Option(names = "--target", paramLabel = "URL", description = "es-copy: the target cluster again.")
    List<String> target;

    @Option(
            names = "--target-user",
            paramLabel = "USER",
            description = "Its user; the password from CLEARML_MIGRATOR_TARGET_PASSWORD or asked for.")
    String targetUser;

    /** The body of undo or retry; null when nothing is given again. */
    ObjectNode body() {
        ObjectNode body = PlannerClient.JSON.createObjectNode();
        stores.addTo(body);
        if (source != null) {
            body.set(
                    "source", StoreOptions.cluster(spec, source, sourceUser, null, "CLEARML_MIGRATOR_SOURCE_PASSWORD"));
        }
        if (target != null) {
            body.set(
                    "target", StoreOptions.cluster(spec, target, targetUser, null, "CLEARML_MIGRATOR_TARGET_PASSWORD"));
        }
        return body.isEmpty() ? null : body;
    }
}
