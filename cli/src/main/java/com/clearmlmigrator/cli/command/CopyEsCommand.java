package com.clearmlmigrator.cli.command;

import java.util.ArrayList;
import java.util.List;

import com.clearmlmigrator.cli.planner.PlannerClient;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The Elasticsearch upgrade between two running clusters. */
@Command(
        name = "copy-es",
        description = {
            "Copies ClearML's indices from one Elasticsearch cluster to another (5.6, 6 or 7 to 7 or 8): index"
                    + " templates first, mappings translated (types dropped, _routing kept), slices in parallel, every"
                    + " index verified by count and checksum. The source indices are made read-only once verified,"
                    + " unless --after-copy none."
        })
public class CopyEsCommand extends StartingCommand {
    @Mixin
    CopyClusterOptions clusters;

    @Option(
            names = "--index",
            paramLabel = "PATTERN",
            description = "Index patterns to copy (repeatable); every ClearML index when left out. A leading -"
                    + " leaves out what it matches, of every ClearML index when no pattern names what to copy:"
                    + " --index=-events-log-<company> copies all but that index.")
    List<String> indices = new ArrayList<>();

    @Option(
            names = "--if-target-exists",
            paramLabel = "fail|skip|overwrite",
            defaultValue = "fail",
            description = "What to do with an index the target already has (default: ${DEFAULT-VALUE}).")
    String ifTargetExists;

    @Option(
            names = "--after-copy",
            paramLabel = "read-only-source|none",
            defaultValue = "read-only-source",
            description = "What to do with a source index once verified (default: ${DEFAULT-VALUE}).")
    String afterCopy;

    @Option(
            names = "--max-docs-per-second",
            paramLabel = "N",
            description = "Throttle the whole copy to N documents a second, to spare a busy source.")
    Long maxDocsPerSecond;

    @Option(
            names = "--replicas",
            paramLabel = "N",
            description = "Give every copied index N replicas once it is verified; each index keeps its own when left"
                    + " out. 0 for a one-node target, which never places a replica.")
    Integer replicas;

    @Option(names = "--dry-run", description = "Plan and check (versions, mappings, disk), copy nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        return start(request());
    }

    ObjectNode request() {
        ObjectNode request = PlannerClient.JSON.createObjectNode().put("kind", "es-copy");
        clusters.requireBoth();
        clusters.addTo(request);
        if (!indices.isEmpty()) {
            indices.forEach(request.withArray("indices")::add);
        }
        request.put("ifTargetExists", ifTargetExists).put("afterCopy", afterCopy);
        if (maxDocsPerSecond != null) {
            request.put("maxDocsPerSecond", maxDocsPerSecond);
        }
        if (replicas != null) {
            request.put("replicas", replicas);
        }
        if (dryRun) {
            request.put("dryRun", true);
        }
        return request;
    }
}
