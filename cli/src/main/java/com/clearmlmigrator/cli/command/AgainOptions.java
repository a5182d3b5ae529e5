package com.clearmlmigrator.cli.command;

import com.clearmlmigrator.cli.planner.PlannerClient;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Mixin;

/**
 * The connections of a migration given again, for an undo or a retry: the planner never stores passwords, so a
 * migration that used them needs them once more. Without any, the migration's own connections are used.
 */
public class AgainOptions {
    @Mixin
    StoreOptions stores;

    @Mixin
    CopyClusterOptions clusters;

    /** The body of undo or retry; null when nothing is given again. */
    ObjectNode body() {
        ObjectNode body = PlannerClient.JSON.createObjectNode();
        stores.addTo(body);
        clusters.addTo(body);
        return body.isEmpty() ? null : body;
    }
}
