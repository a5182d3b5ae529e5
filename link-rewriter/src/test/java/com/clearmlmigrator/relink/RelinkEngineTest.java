package com.clearmlmigrator.relink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.FieldTally;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.TaskId;

/** The relink protocol on a store in memory: what it writes, journals, verifies and reports, and what a replay does. */
class RelinkEngineTest {
    private static final TaskId RELINK = new TaskId("relink-1", 0);
    private static final TaskId UNDO = new TaskId("undo-1", 0);
    private static final String OLD = "http://files.old:8081/";
    private static final String NEW = "https://files.new/";

    private final InMemoryJournal journal = new InMemoryJournal();
    private final AtomicLong scanned = new AtomicLong();
    private final AtomicLong changed = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final RelinkProgress progress =
            RelinkProgress.of(scanned::addAndGet, changed::addAndGet, answered::incrementAndGet);

    @Test
    void rewritesEveryOldValueVerifiesNoneIsLeftAndCountsProgress() {
        InMemoryRelinkStore store = models(false);

        RelinkReport report = RelinkEngine.relink(pass(RELINK, false), store, progress);

        assertThat(store.valueOf("m1", "uri")).isEqualTo(NEW + "a.pkl");
        assertThat(store.valueOf("m4", "uri")).isEqualTo(NEW + "d.pkl");
        assertThat(store.valueOf("m5", "uri")).isEqualTo("s3://bucket/e.pkl");
        assertThat(uri(report))
                .extracting(FieldTally::matched, FieldTally::changed, FieldTally::remaining)
                .containsExactly(4L, 4L, 0L);
        assertThat(scanned).hasValue(5);
        assertThat(changed).hasValue(4);
        assertThat(answered)
                .as("verifying reads answered (three batches), for the heartbeat")
                .hasValue(3);
        assertThat(journal.entries).hasSize(4);
    }

    @Test
    void writesTheStoreHoldsBackAreFlushedBeforeTheVerifyingRead() {
        InMemoryRelinkStore store = models(true);

        RelinkReport report = RelinkEngine.relink(pass(RELINK, false), store, progress);

        assertThat(uri(report).changed()).isEqualTo(4);
        assertThat(uri(report).remaining()).isZero();
        assertThat(changed).hasValue(4);
    }

    @Test
    void aTaskDeliveredAgainAfterItEndedRewritesNothingTwice() {
        InMemoryRelinkStore store = models(false);
        RelinkEngine.relink(pass(RELINK, false), store, progress);
        int writesOfTheFirstDelivery = store.writesApplied;

        RelinkReport replay = RelinkEngine.relink(pass(RELINK, false), store, progress);

        assertThat(store.writesApplied).isEqualTo(writesOfTheFirstDelivery);
        assertThat(store.valueOf("m1", "uri")).isEqualTo(NEW + "a.pkl");
        assertThat(uri(replay).changed()).isEqualTo(4);
        assertThat(uri(replay).remaining()).isZero();
        assertThat(uri(replay).alreadyNew())
                .as("what this migration wrote is its own change, not something found done")
                .isZero();
    }

    @Test
    void aTaskDeliveredAgainCountsWhatItsDocumentsHeldOfTheNewPrefixBeforeAsItsFirstDeliveryDid() {
        Map<String, Object> artifacts = new LinkedHashMap<>();
        artifacts.put("weights", new LinkedHashMap<>(Map.of("uri", OLD + "w.pkl")));
        artifacts.put("report", new LinkedHashMap<>(Map.of("uri", NEW + "r.html")));
        InMemoryRelinkStore store =
                new InMemoryRelinkStore(false).with("t1", "execution", Map.of("artifacts", artifacts));
        DocumentRelinker relinker =
                new DocumentRelinker(LinkRewriter.of(OLD, NEW), ClearmlFields.forCollection("task", Set.of()), false);

        RelinkReport first =
                RelinkEngine.relink(new RelinkPass(RELINK, "task", relinker, journal, false), store, progress);
        RelinkReport again =
                RelinkEngine.relink(new RelinkPass(RELINK, "task", relinker, journal, false), store, progress);

        for (RelinkReport report : List.of(first, again)) {
            assertThat(field(report, "execution.artifacts.*.uri"))
                    .extracting(FieldTally::changed, FieldTally::alreadyNew)
                    .containsExactly(1L, 1L);
        }
    }

    /** Progress counts values, as the report does: the figure does not jump when the part ends and reports. */
    @Test
    void progressCountsTheValuesChangedAsTheReportDoesNotTheDocuments() {
        Map<String, Object> artifacts = new LinkedHashMap<>();
        artifacts.put("weights", new LinkedHashMap<>(Map.of("uri", OLD + "w.pkl")));
        artifacts.put("report", new LinkedHashMap<>(Map.of("uri", OLD + "r.html")));
        InMemoryRelinkStore store = new InMemoryRelinkStore(false)
                .with("t1", "execution", Map.of("artifacts", artifacts))
                .with("t2", "output", new LinkedHashMap<>(Map.of("destination", OLD + "out")));
        DocumentRelinker relinker =
                new DocumentRelinker(LinkRewriter.of(OLD, NEW), ClearmlFields.forCollection("task", Set.of()), false);

        RelinkReport report =
                RelinkEngine.relink(new RelinkPass(RELINK, "task", relinker, journal, false), store, progress);

        assertThat(report.fields().stream().mapToLong(FieldTally::changed).sum())
                .isEqualTo(3);
        assertThat(changed).as("values changed, as heartbeats say it").hasValue(3);
        assertThat(scanned).hasValue(2);
    }

    @Test
    void aRelinkRunAgainFindsItsWorkDoneAndCountsWhatAlreadyHoldsTheNewPrefix() {
        InMemoryRelinkStore store = models(false).with("m6", "uri", NEW + "f.pkl");
        RelinkReport first = RelinkEngine.relink(pass(RELINK, false), store, progress);
        int writesOfTheFirst = store.writesApplied;

        RelinkReport dryRunAgain = RelinkEngine.relink(pass(new TaskId("relink-2", 0), true), store, progress);
        RelinkReport again = RelinkEngine.relink(pass(new TaskId("relink-3", 0), false), store, progress);

        assertThat(uri(first))
                .extracting(FieldTally::changed, FieldTally::alreadyNew)
                .containsExactly(4L, 1L);
        for (RelinkReport report : List.of(dryRunAgain, again)) {
            assertThat(uri(report))
                    .extracting(FieldTally::matched, FieldTally::changed, FieldTally::remaining, FieldTally::alreadyNew)
                    .containsExactly(0L, 0L, 0L, 5L);
        }
        assertThat(store.writesApplied).isEqualTo(writesOfTheFirst);
    }

    @Test
    void aTaskThatDiedMidwayIsFinishedByItsNextDeliveryWithEveryValueWrittenOnce() {
        InMemoryRelinkStore store = models(false);
        store.beforeEachWrite(documents -> {
            if (journal.entries.size() > 2) {
                throw new IllegalStateException("worker killed");
            }
        });
        assertThatThrownBy(() -> RelinkEngine.relink(pass(RELINK, false), store, progress))
                .hasMessage("worker killed");
        store.beforeEachWrite(documents -> {});

        RelinkReport replay = RelinkEngine.relink(pass(RELINK, false), store, progress);

        assertThat(store.writesApplied).isEqualTo(4);
        assertThat(uri(replay).changed()).isEqualTo(4);
        assertThat(uri(replay).remaining()).isZero();
    }

    /**
     * Where the old prefix extends the new one, the rule alone is not idempotent ({@code http://a/b/b/x} becomes {@code
     * http://a/b/x}, which still starts with the old prefix): only the journal keeps a replay from writing again.
     */
    @Test
    void aReplayWhenTheOldPrefixExtendsTheNewOneWritesEachValueOnce() {
        InMemoryRelinkStore store = new InMemoryRelinkStore(false).with("m1", "uri", "http://a/b/b/x.pkl");
        DocumentRelinker flattening = new DocumentRelinker(
                LinkRewriter.of("http://a/b/", "http://a/"), ClearmlFields.forCollection("model", Set.of()), false);
        RelinkEngine.relink(new RelinkPass(RELINK, "model", flattening, journal, false), store, progress);

        RelinkReport replay =
                RelinkEngine.relink(new RelinkPass(RELINK, "model", flattening, journal, false), store, progress);

        assertThat(store.valueOf("m1", "uri")).isEqualTo("http://a/b/x.pkl");
        assertThat(store.writesApplied).isEqualTo(1);
        assertThat(uri(replay).changed()).isEqualTo(1);
    }

    @Test
    void aValueChangedBySomeoneElseBetweenReadAndWriteIsLeftAloneAndReported() {
        InMemoryRelinkStore store = models(false);
        store.beforeEachWrite(documents -> documents.get("m1").put("uri", "s3://moved/a.pkl"));

        RelinkReport report = RelinkEngine.relink(pass(RELINK, false), store, progress);

        assertThat(store.valueOf("m1", "uri")).isEqualTo("s3://moved/a.pkl");
        assertThat(uri(report).conflicts()).isEqualTo(1);
        assertThat(uri(report).changed()).isEqualTo(3);
        assertThat(report.issues())
                .singleElement()
                .satisfies(issue -> assertThat(issue.documentId()).isEqualTo("m1"));
    }

    @Test
    void aDryRunCountsAndWritesNothing() {
        InMemoryRelinkStore store = models(false);

        RelinkReport report = RelinkEngine.relink(pass(RELINK, true), store, progress);

        assertThat(store.writesApplied).isZero();
        assertThat(store.valueOf("m1", "uri")).isEqualTo(OLD + "a.pkl");
        assertThat(journal.entries).isEmpty();
        assertThat(uri(report).matched()).isEqualTo(4);
        assertThat(uri(report).remaining()).isEqualTo(4);
    }

    @Test
    void aCollectionNoRuleAppliesToIsNotRead() {
        InMemoryRelinkStore store = models(false);
        DocumentRelinker nothing = new DocumentRelinker(LinkRewriter.of(OLD, NEW), List.of(), false);

        RelinkEngine.relink(new RelinkPass(RELINK, "model", nothing, journal, false), store, progress);

        assertThat(store.scans).isZero();
    }

    @Test
    void undoRestoresWhatTheRelinkChangedAndLeavesLaterChangesAlone() {
        InMemoryRelinkStore store = models(false);
        RelinkEngine.relink(pass(RELINK, false), store, progress);
        store.documents.get("m2").put("uri", "s3://moved/b.pkl");

        RelinkReport undo = RelinkEngine.undo(pass(UNDO, false), journal, "relink-1", "model", 2, store, progress);

        assertThat(store.valueOf("m1", "uri")).isEqualTo(OLD + "a.pkl");
        assertThat(store.valueOf("m2", "uri")).isEqualTo("s3://moved/b.pkl");
        assertThat(store.valueOf("m3", "uri")).isEqualTo(OLD + "c.pkl");
        assertThat(uri(undo))
                .extracting(FieldTally::changed, FieldTally::conflicts)
                .containsExactly(3L, 1L);

        RelinkReport again = RelinkEngine.undo(pass(UNDO, false), journal, "relink-1", "model", 2, store, progress);
        assertThat(uri(again).changed()).isEqualTo(3);
        assertThat(store.valueOf("m1", "uri")).isEqualTo(OLD + "a.pkl");
    }

    @Test
    void aTaskOfTheRelinkDeliveredAgainAfterItsUndoLeavesWhatTheUndoRestored() {
        InMemoryRelinkStore store = models(false);
        RelinkEngine.relink(pass(RELINK, false), store, progress);
        RelinkEngine.undo(pass(UNDO, false), journal, "relink-1", "model", 2, store, progress);
        int writesBeforeTheReplay = store.writesApplied;

        RelinkReport replay = RelinkEngine.relink(pass(RELINK, false), store, progress);

        assertThat(store.writesApplied).isEqualTo(writesBeforeTheReplay);
        assertThat(store.valueOf("m1", "uri")).isEqualTo(OLD + "a.pkl");
        assertThat(store.valueOf("m4", "uri")).isEqualTo(OLD + "d.pkl");
        assertThat(uri(replay).changed()).isZero();
    }

    @Test
    void anUndoOfAnotherRelinkOrPartDoesNotStopThisOne() {
        journal.markUndone("relink-1", "task");
        journal.markUndone("relink-2", "model");
        InMemoryRelinkStore store = models(false);

        RelinkEngine.relink(pass(RELINK, false), store, progress);

        assertThat(store.valueOf("m1", "uri")).isEqualTo(NEW + "a.pkl");
    }

    private InMemoryRelinkStore models(boolean holdsWritesBack) {
        // The last batch (of two) holds a change, so a store that holds writes back still has it when the scan ends.
        return new InMemoryRelinkStore(holdsWritesBack)
                .with("m5", "uri", "s3://bucket/e.pkl")
                .with("m1", "uri", OLD + "a.pkl")
                .with("m2", "uri", OLD + "b.pkl")
                .with("m3", "uri", OLD + "c.pkl")
                .with("m4", "uri", OLD + "d.pkl");
    }

    private RelinkPass pass(TaskId task, boolean dryRun) {
        DocumentRelinker relinker =
                new DocumentRelinker(LinkRewriter.of(OLD, NEW), ClearmlFields.forCollection("model", Set.of()), false);
        return new RelinkPass(task, "model", relinker, journal, dryRun);
    }

    private static FieldTally uri(RelinkReport report) {
        return field(report, "uri");
    }

    private static FieldTally field(RelinkReport report, String name) {
        return report.fields().stream()
                .filter(f -> f.field().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
