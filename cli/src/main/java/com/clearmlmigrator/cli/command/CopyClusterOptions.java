package com.clearmlmigrator.cli.command;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The two clusters of an Elasticsearch copy: given to {@code copy-es}, and again to {@code retry} or {@code undo} of a
 * copy that used credentials (the planner never stores passwords). Passwords come from the environment or a prompt,
 * never from the command line.
 */
public class CopyClusterOptions {
    private static final String SOURCE_PASSWORD = "CLEARML_MIGRATOR_SOURCE_PASSWORD";
    private static final String TARGET_PASSWORD = "CLEARML_MIGRATOR_TARGET_PASSWORD";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--source",
            paramLabel = "URL",
            description = "The cluster copied from; a bare host:port means http://host:port. Repeat for more nodes.")
    List<String> source;

    @Option(
            names = "--source-user",
            paramLabel = "USER",
            description = "Its user; the password is read from " + SOURCE_PASSWORD + " or asked for.")
    String sourceUser;

    @Option(names = "--target", paramLabel = "URL", description = "The cluster copied to, given the same way.")
    List<String> target;

    @Option(
            names = "--target-user",
            paramLabel = "USER",
            description = "Its user; the password is read from " + TARGET_PASSWORD + " or asked for.")
    String targetUser;

    /** For {@code copy-es}, which cannot start without both. */
    void requireBoth() {
        if (source == null || target == null) {
            throw new ParameterException(
                    spec.commandLine(), "Give the cluster to copy from (--source) and to (--target).");
        }
    }

    /** Adds {@code source} and {@code target} to a request, as far as they are given. */
    void addTo(ObjectNode request) {
        if (source != null) {
            request.set("source", StoreOptions.cluster(spec, source, sourceUser, null, SOURCE_PASSWORD));
        }
        if (target != null) {
            request.set("target", StoreOptions.cluster(spec, target, targetUser, null, TARGET_PASSWORD));
        }
    }
}
