package com.clearmlmigrator.planner.escopy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.ContentChecksum;
import com.clearmlmigrator.contracts.CopyReport;
import com.clearmlmigrator.contracts.CopySpec;
import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.Slice;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.planner.escopy.ClusterSurvey.ClusterFacts;
import com.clearmlmigrator.planner.lifecycle.TaskSteps;
import com.clearmlmigrator.planner.migration.TaskState;

/** The pure rules of an Elasticsearch copy: settings carried over, pre-flight checks, step order, chunking. */
class CopyPlanningTest {
    private static final ElasticEndpoint SOURCE = new ElasticEndpoint(List.of("http://old:9200"), null, null);
    private static final ElasticEndpoint TARGET = new ElasticEndpoint(List.of("http://new:9200"), null, null);
    private static final ClusterFacts ES5 = new ClusterFacts("5.6.16", "uuid-5", null, null, 0, null);
    private static final ClusterFacts ES7 = new ClusterFacts("7.10.2", "uuid-7", null, 10_000L, 1_000L, null);

    @Test
    void theTargetIndexKeepsShardsAndAnalysisAndCopiesWithoutReplicasOrRefresh() {
        Map<String, Object> source = Map.of(
                "index",
                Map.of(
                        "number_of_shards", "3",
                        "number_of_replicas", "2",
                        "uuid", "abc",
                        "creation_date", "1",
                        "analysis", Map.of("analyzer", Map.of())));

        assertThat(CopySettings.forCreation(source, false))
                .isEqualTo(Map.of(
                        "index",
                        Map.of(
                                "number_of_shards",
                                "3",
                                "analysis",
                                Map.of("analyzer", Map.of()),
                                "number_of_replicas",
                                0,
                                "refresh_interval",
                                "-1",
                                "translog",
                                Map.of("durability", "async"))));
        Map<String, Object> restore = CopySettings.toRestore(source, false);
        assertThat(((Map<?, ?>) restore.get("index")).get("number_of_replicas")).isEqualTo("2");
        assertThat(((Map<?, ?>) restore.get("index")).containsKey("refresh_interval"))
                .isTrue();
        assertThat(((Map<?, ?>) restore.get("index")).get("refresh_interval")).isNull();
        Map<?, ?> translog = (Map<?, ?>) ((Map<?, ?>) restore.get("index")).get("translog");
        assertThat(translog.containsKey("durability")).isTrue();
        assertThat(translog.get("durability"))
                .as("the target's default, as the source had")
                .isNull();
    }

    @Test
    void aSourceThatSyncsItsTranslogInTheBackgroundKeepsDoingSoOnTheTarget() {
        Map<String, Object> source =
                Map.of("index", Map.of("number_of_shards", "1", "translog", Map.of("durability", "async")));

        Map<?, ?> index = (Map<?, ?>) CopySettings.toRestore(source, false).get("index");

        assertThat(index.get("translog")).isEqualTo(Map.of("durability", "async"));
    }

    @Test
    void aSmallIndexIsCreatedWithItsFinalSettingsAndNothingIsRestored() {
        Map<String, Object> source =
                Map.of("index", Map.of("number_of_shards", "1", "number_of_replicas", "2", "refresh_interval", "30s"));
        Map<String, Object> noInterval = Map.of("index", Map.of("number_of_shards", "1"));

        assertThat(CopySettings.forCreation(source, true))
                .isEqualTo(Map.of(
                        "index",
                        Map.of("number_of_shards", "1", "number_of_replicas", "2", "refresh_interval", "30s")));
        assertThat(CopySettings.toRestore(source, true)).isEmpty();
        assertThat(CopySettings.forCreation(noInterval, true))
                .as("the target's default interval; ES's default replicas")
                .isEqualTo(Map.of("index", Map.of("number_of_shards", "1", "number_of_replicas", "1")));
        CopyChunking chunking = new CopyChunking(20_000, 32, 4, 1000);
        assertThat(chunking.isSmall(1000)).isTrue();
        assertThat(chunking.isSmall(1001)).isFalse();
    }

    @Test
    void preflightNamesEveryClusterProblem() {
        ClusterFacts sameAsSource = new ClusterFacts("7.10.2", "uuid-5", "cluster.blocks.read_only", null, 0, null);
        ClusterFacts es6Target = new ClusterFacts("6.8.0", "uuid-6", null, null, 0, null);
        ClusterFacts es8Source = new ClusterFacts("8.15.0", "uuid-8", null, null, 0, null);

        assertThat(CopyPreflight.clusterProblems(ES5, ES7)).isEmpty();
        assertThat(String.join(" ", CopyPreflight.clusterProblems(ES5, sameAsSource)))
                .contains("same cluster")
                .contains("cluster.blocks.read_only");
        assertThat(CopyPreflight.clusterProblems(ES5, es6Target))
                .singleElement()
                .asString()
                .contains("7.x and 8.x");
        assertThat(CopyPreflight.clusterProblems(es8Source, ES7))
                .singleElement()
                .asString()
                .contains("newer");
    }

    @Test
    void preflightComparesTheEstimateWithTheDiskBelowTheWatermark() {
        assertThat(CopyPreflight.diskProblems(9_000, ES7)).isEmpty();
        assertThat(CopyPreflight.diskProblems(9_001, ES7))
                .singleElement()
                .asString()
                .contains("8.8 KB");
        assertThat(CopyPreflight.diskProblems(Long.MAX_VALUE, ES5))
                .as("a cluster that reports no disk")
                .isEmpty();
    }

    @Test
    void preflightComparesTheNewIndicesShardsWithTheRoomTheShardLimitLeaves() {
        ClusterFacts nearlyFull = ES7.withShards(new ClusterSurvey.ShardRoom(996, 1000, 2));
        Map<String, Object> twoShards = Map.of("index", Map.of("number_of_shards", "2", "number_of_replicas", "0"));
        Map<String, Object> threeShards = Map.of("index", Map.of("number_of_shards", "3", "number_of_replicas", "0"));

        assertThat(CopyPreflight.shardProblems(List.of(twoShards, twoShards), nearlyFull))
                .isEmpty();
        assertThat(CopyPreflight.shardProblems(List.of(twoShards, threeShards), nearlyFull))
                .singleElement()
                .asString()
                .contains("allows 1000 open shards")
                .contains("has 996")
                .contains("would add 5 (5 primaries and 0 replicas of the new indices)")
                .contains("cluster.max_shards_per_node")
                .doesNotContain("\"replicas\"");
        assertThat(CopyPreflight.shardProblems(
                        List.of(twoShards), ES7.withShards(new ClusterSurvey.ShardRoom(1200, 1000, 1))))
                .as("a cluster already past a lowered limit")
                .hasSize(1);
        assertThat(CopyPreflight.shardProblems(List.of(twoShards), ES7))
                .as("a cluster without a shard limit (before ES 7)")
                .isEmpty();
    }

    @Test
    void onOneDataNodeTheShardProblemSaysWhatTheCopyWouldAddWithoutReplicas() {
        Map<String, Object> es5Default = Map.of("index", Map.of("number_of_shards", "1"));
        List<Map<String, Object>> threeIndices = List.of(es5Default, es5Default, es5Default);

        assertThat(CopyPreflight.shardProblems(threeIndices, ES7.withShards(new ClusterSurvey.ShardRoom(996, 1000, 1))))
                .singleElement()
                .asString()
                .contains("would add 6 (3 primaries and 3 replicas")
                .contains("would add 6 (3 primaries and 3 replicas of the new indices)")
                .contains(
                        "One data node never places a replica: set \"replicas\" to 0 and the copy adds 3, which fits.");
        assertThat(CopyPreflight.shardProblems(
                        List.of(es5Default), ES7.withShards(new ClusterSurvey.ShardRoom(999, 1000, 1))))
                .singleElement()
                .asString()
                .contains("would add 2 (1 primary and 1 replica of the new indices)")
                .contains("the copy adds 1, which fits.");
        assertThat(CopyPreflight.shardProblems(threeIndices, ES7.withShards(new ClusterSurvey.ShardRoom(999, 1000, 1))))
                .singleElement()
                .asString()
                .contains("set \"replicas\" to 0 and the copy adds 3.");
        assertThat(CopyPreflight.shardProblems(
                        threeIndices, ES7.withShards(new ClusterSurvey.ShardRoom(1996, 2000, 2))))
                .as("two nodes place a replica")
                .singleElement()
                .asString()
                .doesNotContain("\"replicas\"");
    }

    @Test
    void copiedIndicesWithMoreReplicasThanTheTargetCanPlaceAreANoteNamingTheValueThatFits() {
        Map<String, Object> es5Default = Map.of("index", Map.of("number_of_shards", "1"));
        Map<String, Object> noReplicas = CopySettings.withReplicas(es5Default, 0);
        Map<String, Object> twoReplicas = CopySettings.withReplicas(es5Default, 2);
        ClusterFacts oneNode = ES7.withShards(new ClusterSurvey.ShardRoom(10, 1000, 1));
        ClusterFacts twoNodes = ES7.withShards(new ClusterSurvey.ShardRoom(10, 2000, 2));

        assertThat(CopyPreflight.replicaNotes(List.of(es5Default, es5Default, noReplicas), oneNode))
                .singleElement()
                .asString()
                .contains("The target has 1 data node, too few to place every replica of 2 of the copied indices")
                .contains("Set \"replicas\" to 0");
        assertThat(CopyPreflight.replicaNotes(List.of(noReplicas), oneNode)).isEmpty();
        assertThat(CopyPreflight.replicaNotes(List.of(es5Default), twoNodes)).isEmpty();
        assertThat(CopyPreflight.replicaNotes(List.of(twoReplicas), twoNodes))
                .singleElement()
                .asString()
                .contains("2 data nodes")
                .contains("Set \"replicas\" to 1");
        assertThat(CopyPreflight.replicaNotes(List.of(es5Default), ES7))
                .as("a target whose nodes are not counted (before ES 7)")
                .isEmpty();
    }

    @Test
    void replicasAskedForReplaceTheSourcesInEveryIndexAndItsShardCount() {
        Map<String, Object> es5Default =
                Map.of("index", Map.of("number_of_shards", "1", "refresh_interval", "5s"), "other", "kept");

        Map<String, Object> withoutReplicas = CopySettings.withReplicas(es5Default, 0);

        assertThat(CopySettings.withReplicas(es5Default, null)).isSameAs(es5Default);
        assertThat(withoutReplicas)
                .isEqualTo(Map.of(
                        "index",
                        Map.of("number_of_shards", "1", "refresh_interval", "5s", "number_of_replicas", "0"),
                        "other",
                        "kept"));
        assertThat(CopySettings.shardsOnceRestored(withoutReplicas)).isEqualTo(1);
        assertThat(CopySettings.forCreation(withoutReplicas, true))
                .as("a small index is created with them")
                .isEqualTo(Map.of(
                        "index", Map.of("number_of_shards", "1", "number_of_replicas", "0", "refresh_interval", "5s")));
        assertThat(((Map<?, ?>) CopySettings.toRestore(withoutReplicas, false).get("index")).get("number_of_replicas"))
                .as("a large one has them put back after its copy")
                .isEqualTo("0");
    }

    @Test
    void aCopiedIndexHoldsItsSourcesPrimariesAndReplicasOnceItsSettingsArePutBack() {
        Map<String, Object> es5Default = Map.of("index", Map.of("number_of_shards", "1"));
        Map<String, Object> threeShardsTwoReplicas =
                Map.of("index", Map.of("number_of_shards", "3", "number_of_replicas", "2"));
        Map<String, Object> withoutReplicas = Map.of("index", Map.of("number_of_shards", 1, "number_of_replicas", 0));

        assertThat(CopySettings.shardsOnceRestored(es5Default))
                .as("one replica by default")
                .isEqualTo(2);
        assertThat(CopySettings.shardsOnceRestored(threeShardsTwoReplicas)).isEqualTo(9);
        assertThat(CopySettings.shardsOnceRestored(withoutReplicas)).isEqualTo(1);
    }

    @Test
    void closedAndRedSourceIndicesAreProblemsThatNameThem() {
        List<String> closed = IntStream.range(0, 12)
                .mapToObj(i -> "events-log-" + (char) ('a' + i))
                .toList();

        List<String> problems = CopyPreflight.unreadableProblems(
                new ClusterSurvey.SourceIndices(List.of(), closed, List.of("events-plot-x")));

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0))
                .startsWith("The source has 12 closed indices matching the patterns (events-log-a, events-log-b,")
                .contains("events-log-j, ...)")
                .doesNotContain("events-log-k");
        assertThat(problems.get(1)).contains("1 red index matching the patterns (events-plot-x)");
        assertThat(CopyPreflight.unreadableProblems(new ClusterSurvey.SourceIndices(List.of(), List.of(), List.of())))
                .isEmpty();
    }

    /** ClearML's upgrade script goes on past an index it fails to copy; "skip" must not keep what it left short. */
    @Test
    void targetIndicesOfUnknownCopyStateWithFewerDocumentsThanTheSourceAreProblemsThatNameThem() {
        Map<String, Long> source = Map.of("events-log-a", 6_000L, "events-plot-a", 50L, "events-log-b", 10L);
        Map<String, Long> unmarked = Map.of(
                "events-plot-a", 0L, // created, never filled
                "events-log-a", 5_000L,
                "events-log-b", 12L, // the ClearML server writes into it: more than the source, whole
                "events-log-gone", 3L); // not among what is copied

        List<String> problems = SkipOnTarget.shortOnTargetProblems(source, unmarked);

        assertThat(problems)
                .singleElement()
                .asString()
                .startsWith("The target has 2 existing indices with fewer documents than the source")
                .contains("(events-log-a (5,000 of 6,000), events-plot-a (0 of 50))")
                .contains("\"ifTargetExists\" set to \"overwrite\"")
                .doesNotContain("events-log-b")
                .doesNotContain("events-log-gone");
        assertThat(SkipOnTarget.shortOnTargetProblems(source, Map.of("events-log-a", 6_000L)))
                .as("as many documents as the source")
                .isEmpty();
    }

    @Test
    void aSkipKeepsTheExistingIndicesButThosePartCopiedAndNamesTheShortOnesOfUnknownState() {
        List<ClusterSurvey.SourceIndex> found = Stream.of("a", "b", "c")
                .map(name -> new ClusterSurvey.SourceIndex(name, 10, 100, Map.of(), Map.of()))
                .toList();
        List<String> problems = new ArrayList<>();

        Set<String> kept = SkipOnTarget.kept(
                Set.of("a", "b", "c"),
                found,
                new ClusterSurvey.EarlierCopies(Set.of("b"), Map.of("c", 5L), Map.of()),
                problems);

        assertThat(kept).as("b, part-copied, is copied again").containsExactlyInAnyOrder("a", "c");
        assertThat(problems).singleElement().asString().contains("(c (5 of 10))");
    }

    @Test
    void targetIndicesThatCannotBeReadAreProblemsThatSayWhy() {
        List<String> problems =
                SkipOnTarget.unreadableOnTargetProblems(Map.of("events-plot-a", "closed", "events-log-a", "red"));

        assertThat(problems)
                .singleElement()
                .asString()
                .startsWith("The target has 2 existing indices that cannot be read (events-log-a (red), events-plot-a"
                        + " (closed)), so \"skip\" cannot tell whether they are whole.")
                .contains("POST /<index>/_open");
        assertThat(SkipOnTarget.unreadableOnTargetProblems(Map.of())).isEmpty();
    }

    @Test
    void slicesWaitForTheirIndexPreparationAndTheVerificationForEverySlice() {
        TaskState prepare = state(0, TaskType.PREPARE_COPY, "a", null, null);
        TaskState otherPrepare = state(1, TaskType.PREPARE_COPY, "b", null, null);
        TaskState slice0 = state(2, TaskType.COPY_SLICE, "a", new Slice(0, 2), copied(3, 7, 41L));
        TaskState slice1 = state(3, TaskType.COPY_SLICE, "a", new Slice(1, 2), copied(2, 5, 40L));
        TaskState verify = state(4, TaskType.VERIFY_COPY, "a", null, null);
        List<TaskState> all = List.of(prepare, otherPrepare, slice0, slice1, verify);

        assertThat(TaskSteps.prerequisites(slice0, all)).containsExactly(prepare);
        assertThat(TaskSteps.prerequisites(verify, all)).containsExactly(slice0, slice1);
        assertThat(TaskSteps.prerequisites(prepare, all)).isEmpty();
        CopySpec.Verify sent =
                (CopySpec.Verify) TaskSteps.resolved(verify.definition(), all).copy();
        assertThat(sent.expected()).isEqualTo(ContentChecksum.of(5, 12));
        assertThat(sent.sourceWritesBefore())
                .as("the source's write count before the first slice opened its scroll")
                .isEqualTo(40L);
    }

    @Test
    void aVerificationChecksNoSourceWritesWhenASliceDidNotCountThem() {
        TaskState slice0 = state(0, TaskType.COPY_SLICE, "a", new Slice(0, 2), copied(3, 7, 40L));
        TaskState slice1 = state(1, TaskType.COPY_SLICE, "a", new Slice(1, 2), copied(2, 5, null));
        TaskState verify = state(2, TaskType.VERIFY_COPY, "a", null, null);

        CopySpec.Verify sent =
                (CopySpec.Verify) TaskSteps.resolved(verify.definition(), List.of(slice0, slice1, verify))
                        .copy();

        assertThat(sent.expected()).isEqualTo(ContentChecksum.of(5, 12));
        assertThat(sent.sourceWritesBefore())
                .as("a slice from a worker that did not count")
                .isNull();
    }

    @Test
    void checksumsAddUpAcrossAnyPartitionAndCountDuplicates() {
        ContentChecksum whole =
                ContentChecksum.EMPTY.plusDocument(-1).plusDocument(5).plusDocument(7);
        ContentChecksum parts = ContentChecksum.EMPTY
                .plusDocument(7)
                .plus(ContentChecksum.EMPTY.plusDocument(5).plusDocument(-1));

        assertThat(parts).isEqualTo(whole);
        assertThat(whole.plusDocument(5)).isNotEqualTo(whole);
        assertThat(ContentChecksum.of(1, -1L).sum()).isEqualTo("ffffffffffffffff");
    }

    @Test
    void chunkingBoundsSlicesAndSharesTheRateLimit() {
        CopyChunking chunking = new CopyChunking(20_000, 32, 4, 1000);

        assertThat(chunking.slicesFor(0)).isEqualTo(1);
        assertThat(chunking.slicesFor(40_001)).isEqualTo(3);
        assertThat(chunking.slicesFor(10_000_000)).isEqualTo(32);
        assertThat(chunking.perWorkerRate(null, 10)).isZero();
        assertThat(chunking.perWorkerRate(1_000L, 10)).as("four workers").isEqualTo(250);
        assertThat(chunking.perWorkerRate(1_000L, 2))
                .as("two slices keep two workers busy")
                .isEqualTo(500);
        assertThat(new CopyChunking(20_000, 32, 1, 1000).perWorkerRate(1_000L, 10))
                .as("one worker, whose tasks share the whole limit")
                .isEqualTo(1_000);
    }

    private static TaskState state(int ordinal, TaskType type, String index, Slice slice, CopyReport report) {
        TaskId id = new TaskId("job", ordinal);
        CopySpec spec = switch (type) {
            case PREPARE_COPY -> new CopySpec.Prepare(List.of(), List.of());
            case COPY_SLICE -> new CopySpec.CopySlice(0);
            default -> new CopySpec.Verify(null, null, Map.of(), true, 0);
        };
        MigrationTask task = MigrationTask.copy(id, type, index, SOURCE, TARGET, slice, spec);
        TaskResult result = report == null ? null : TaskResult.succeeded(id, report);
        return new TaskState(id, type, index, result, task, result != null);
    }

    private static CopyReport copied(long documents, long sum, Long sourceWrites) {
        ContentChecksum checksum = ContentChecksum.of(documents, sum);
        return new CopyReport(
                "a",
                "copy-slice",
                checksum,
                checksum,
                sourceWrites,
                10,
                List.of(),
                List.of(),
                Instant.now(),
                Instant.now());
    }
}
