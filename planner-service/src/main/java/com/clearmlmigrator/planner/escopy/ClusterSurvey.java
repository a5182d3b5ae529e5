package com.clearmlmigrator.planner.escopy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.clearmlmigrator.contracts.ElasticEndpoint;

/**
 * What an Elasticsearch copy needs to know about the two clusters before it writes anything. Every method fails with a
 * {@link com.clearmlmigrator.contracts.TaskFailedException} naming the cluster when it is unreachable or refuses.
 */
public interface ClusterSurvey {
    ClusterFacts facts(ElasticEndpoint cluster);

    /**
     * The indices the patterns select ({@link IndexPatterns}: globs, and exclusions with a leading -), sorted by name:
     * the open ones with their mappings, and the names of those a copy could not read whole.
     */
    SourceIndices indices(ElasticEndpoint cluster, List<String> patterns);

    /** Every legacy index template, by name, as {@code GET _template} returns them. */
    Map<String, Map<String, Object>> templates(ElasticEndpoint cluster);

    /** Every composable index template and component template; call only where {@link ClusterFacts#hasComposable}. */
    ComposableTemplates composableTemplates(ElasticEndpoint cluster);

    /** Which of these index names exist. */
    Set<String> existing(ElasticEndpoint cluster, Collection<String> names);

    /** What earlier copies left in these existing indices, as their {@link com.clearmlmigrator.contracts.CopyMark}s say. */
    EarlierCopies earlierCopies(ElasticEndpoint cluster, Collection<String> existing);

    /**
     * @param version        version number, for example {@code 5.6.16}
     * @param clusterUuid    the cluster's uuid, which tells two host lists of one cluster apart from two clusters
     * @param writeBlock     the cluster-wide block that forbids writes, for example {@code cluster.blocks.read_only};
     *                       null when there is none
     * @param availableBytes free disk over the data nodes; null when the cluster does not say
     * @param reservedBytes  how much of that Elasticsearch keeps free (the high disk watermark); 0 when unknown
     * @param shards         how many shards the cluster keeps open and allows; null when it has no such limit (before
     *                       ES 7) or does not say
     */
    record ClusterFacts(
            String version,
            String clusterUuid,
            String writeBlock,
            Long availableBytes,
            long reservedBytes,
            ShardRoom shards) {
        public int major() {
            return part(0);
        }

        public ClusterFacts withShards(ShardRoom room) {
            return new ClusterFacts(version, clusterUuid, writeBlock, availableBytes, reservedBytes, room);
        }

        /** Whether its mappings have types (ES 5.6 and 6), which an ES 7 or 8 target does not take. */
        public boolean typedMappings() {
            return major() < 7;
        }

        /** Whether the cluster has composable index templates and component templates (ES 7.8 and later). */
        public boolean hasComposable() {
            return major() > 7 || (major() == 7 && part(1) >= 8);
        }

        private int part(int index) {
            String[] parts = version.split("\\.");
            try {
                return parts.length > index ? Integer.parseInt(parts[index]) : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /**
     * The shard limit of ES 7 and later, which refuses to create an index, or to raise its replicas, past it.
     *
     * @param open  the shards of every open index, replicas included whether they are assigned or not, as the limit
     *              counts them
     * @param limit {@code cluster.max_shards_per_node} times the number of data nodes
     * @param dataNodes the number of data nodes: a replica is placed on another node than its primary
     */
    record ShardRoom(long open, long limit, long dataNodes) {
        public long free() {
            return Math.max(0, limit - open);
        }
    }

    /**
     * @param indexTemplates composable index templates by name, each as {@code GET _index_template} gives its
     *                       {@code index_template}
     * @param components     component templates by name, each as {@code GET _component_template} gives its
     *                       {@code component_template}
     */
    record ComposableTemplates(
            Map<String, Map<String, Object>> indexTemplates, Map<String, Map<String, Object>> components) {}

    /**
     * @param unfinished     the indices a copy created and never verified equal to its source (marked
     *                       {@link com.clearmlmigrator.contracts.CopyMark#COPYING}): left by a copy that was cancelled,
     *                       failed or stopped
     * @param unmarkedCounts the number of documents in each index whose copy state is unknown: made by other means
     *                       (ClearML's upgrade script, reindex from remote, elasticdump, the ClearML server itself) or by a
     *                       copy of the migrator older than the state mark
     * @param unreadable     the indices that cannot be read, so neither their mark nor their documents: each with
     *                       {@code closed}, or {@code red} when a primary shard is not open
     */
    record EarlierCopies(Set<String> unfinished, Map<String, Long> unmarkedCounts, Map<String, String> unreadable) {
        public EarlierCopies {
            unfinished = Set.copyOf(unfinished);
            unmarkedCounts = Map.copyOf(unmarkedCounts);
            unreadable = Map.copyOf(unreadable);
        }
    }

    /**
     * @param open   the open indices, red ones included
     * @param closed the closed indices, which cannot be read
     * @param red    the open indices with a primary shard unassigned (health red): a search of one answers from the
     *               other shards and returns only part of it, and ES 5.6 and 7.10 do not count the missing shard as
     *               failed
     */
    record SourceIndices(List<SourceIndex> open, List<String> closed, List<String> red) {
        public SourceIndices {
            open = List.copyOf(open);
            closed = List.copyOf(closed);
            red = List.copyOf(red);
        }
    }

    /**
     * @param name         index name
     * @param documents    number of documents
     * @param primaryBytes size of the primary shards
     * @param mappings     the {@code mappings} object as the cluster returns it
     * @param settings     the {@code settings} object, nested
     */
    record SourceIndex(
            String name,
            long documents,
            long primaryBytes,
            Map<String, Object> mappings,
            Map<String, Object> settings) {
        /** This index as the copy creates it: with {@code replicas} when given (see {@link CopySettings#withReplicas}). */
        public SourceIndex withReplicas(Integer replicas) {
            return new SourceIndex(
                    name, documents, primaryBytes, mappings, CopySettings.withReplicas(settings, replicas));
        }
    }
}
