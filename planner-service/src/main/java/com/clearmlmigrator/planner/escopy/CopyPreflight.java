package com.clearmlmigrator.planner.escopy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.clearmlmigrator.planner.catalog.IndexNames;
import com.clearmlmigrator.planner.escopy.ClusterSurvey.ClusterFacts;
import com.clearmlmigrator.planner.escopy.ClusterSurvey.SourceIndices;

/** The checks an Elasticsearch copy passes before it writes anything; each problem is a sentence saying what to fix. */
public final class CopyPreflight {
    private static final int FIRST_MAJOR_READ = 5;
    private static final int FIRST_MAJOR_WRITTEN = 7;
    private static final int LAST_MAJOR = 8;

    private CopyPreflight() {}

    public static List<String> clusterProblems(ClusterFacts source, ClusterFacts target) {
        List<String> problems = new ArrayList<>();
        if (source.clusterUuid() != null && source.clusterUuid().equals(target.clusterUuid())) {
            problems.add("The source and the target are the same cluster (cluster_uuid " + source.clusterUuid()
                    + "); give the new cluster as 'target'.");
        }
        if (source.major() < FIRST_MAJOR_READ || source.major() > LAST_MAJOR) {
            problems.add("The source runs Elasticsearch " + source.version() + "; es-copy reads 5.6 to 8.x.");
        }
        if (target.major() < FIRST_MAJOR_WRITTEN || target.major() > LAST_MAJOR) {
            problems.add("The target runs Elasticsearch " + target.version() + "; es-copy writes to 7.x and 8.x.");
        } else if (source.major() > target.major()) {
            problems.add("The source (" + source.version() + ") is newer than the target (" + target.version()
                    + "); Elasticsearch cannot read indices of a newer version.");
        }
        if (target.writeBlock() != null) {
            problems.add("The target cluster refuses writes (" + target.writeBlock() + " is set, as Elasticsearch"
                    + " does when a disk passes its flood-stage watermark); free disk space and remove the block.");
        }
        return problems;
    }

    /**
     * Source indices that match but cannot be read whole. Left out quietly, they would be missing from the new cluster
     * after a copy that looked complete.
     */
    public static List<String> unreadableProblems(SourceIndices indices) {
        List<String> problems = new ArrayList<>();
        if (!indices.closed().isEmpty()) {
            problems.add("The source has " + IndexNames.counted(indices.closed().size(), "closed")
                    + " matching the patterns ("
                    + IndexNames.listed(indices.closed())
                    + "); open each (POST /<index>/_open) to copy it, or name in 'indices'"
                    + " only those to copy.");
        }
        if (!indices.red().isEmpty()) {
            problems.add(
                    "The source has " + IndexNames.counted(indices.red().size(), "red") + " matching the patterns ("
                            + IndexNames.listed(indices.red())
                            + "): each has a primary shard that is not open, so a read would return only part of its"
                            + " documents. " + IndexNames.RED_ADVICE + " Or name in 'indices' only those to copy.");
        }
        return problems;
    }

    /** Whether the target can take {@code neededBytes} more without passing its high disk watermark. */
    public static List<String> diskProblems(long neededBytes, ClusterFacts target) {
        if (target.availableBytes() == null) {
            return List.of();
        }
        long usable = target.availableBytes() - target.reservedBytes();
        if (usable >= neededBytes) {
            return List.of();
        }
        return List.of("The target has about " + human(Math.max(0, usable)) + " free below its high disk watermark,"
                + " and the copy needs about " + human(neededBytes) + " (the source's primary size plus 20%); free"
                + " disk space or add nodes, or copy fewer indices at a time.");
    }

    /**
     * Whether the target's shard limit leaves room for the shards of new indices with these settings (as the copy
     * creates them). Past it ES 7 and 8 refuse to create an index, and to put its replicas back after its copy, which
     * would leave it without them.
     */
    public static List<String> shardProblems(List<Map<String, Object>> newIndices, ClusterFacts target) {
        ClusterSurvey.ShardRoom room = target.shards();
        long primaries = newIndices.stream().mapToLong(CopySettings::primaries).sum();
        long replicas =
                newIndices.stream().mapToLong(CopySettings::replicaShards).sum();
        if (room == null || primaries + replicas <= room.free()) {
            return List.of();
        }
        String problem = "The target allows " + room.limit() + " open shards (cluster.max_shards_per_node times its"
                + " data nodes) and has " + room.open() + "; the copy would add " + (primaries + replicas) + " ("
                + counted(primaries, "primary", "primaries") + " and " + counted(replicas, "replica", "replicas")
                + " of the new indices).";
        if (room.dataNodes() == 1 && replicas > 0) {
            // ClearML's own compose runs one node, and ClearML creates its indices without replicas since 1.2.
            problem += " One data node never places a replica: set \"replicas\" to 0 and the copy adds " + primaries
                    + (primaries <= room.free() ? ", which fits." : ".");
        }
        return List.of(problem + " Raise cluster.max_shards_per_node (PUT _cluster/settings), add data nodes, remove"
                + " indices the target no longer needs, or copy fewer indices at a time.");
    }

    /**
     * Copied indices with more replicas than the target's data nodes can place (each copy of a shard needs a node of its
     * own): not a problem, as Elasticsearch places them once nodes join, but they stay yellow until then and count
     * against the shard limit. The usual case is one of ClearML's compose, a single node, and indices of the ES 5.6 era,
     * with Elasticsearch's default of one replica.
     */
    public static List<String> replicaNotes(List<Map<String, Object>> copied, ClusterFacts target) {
        ClusterSurvey.ShardRoom room = target.shards();
        if (room == null || room.dataNodes() < 1) {
            return List.of();
        }
        long unplaceable = copied.stream()
                .filter(settings -> CopySettings.replicas(settings) >= room.dataNodes())
                .count();
        if (unplaceable == 0) {
            return List.of();
        }
        return List.of("The target has " + counted(room.dataNodes(), "data node", "data nodes") + ", too few to place"
                + " every replica of " + unplaceable + " of the copied indices (each copy of a shard needs a node of"
                + " its own): they will stay yellow, their replicas counting against the shard limit. Set \"replicas\""
                + " to " + (room.dataNodes() - 1)
                + (room.dataNodes() == 1 ? " to copy them without" : " to copy them with as many as it can place")
                + "; ClearML creates its indices without replicas since 1.2.");
    }

    private static String counted(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String human(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }
}
