package com.clearmlmigrator.worker.elastic.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.ContentChecksum;
import com.clearmlmigrator.contracts.CopyReport;
import com.clearmlmigrator.contracts.CopySpec;
import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.Slice;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.worker.elastic.copy.InMemoryIndices.Doc;
import com.clearmlmigrator.worker.runtime.TaskCancelledException;

/** The copy protocol between two indices in memory: what it creates, copies, compares, seals and reports. */
class CopyEngineTest {
    private static final String INDEX = "events-log-d1bd92a3b039400cbafc60a7a5b1e52b";
    private static final ElasticEndpoint OLD = new ElasticEndpoint(List.of("http://old:9200"), null, null);
    private static final ElasticEndpoint NEW = new ElasticEndpoint(List.of("http://new:9200"), null, null);
    private static final Map<String, Object> RESTORE = Map.of("index.number_of_replicas", 1);
    private static final long SECOND = 1_000_000_000L;

    private final CopyEngine engine = new CopyEngine(2, 1);
    private final InMemoryIndices.Source source = new InMemoryIndices.Source()
            .with(new Doc("a", 10, false), new Doc("b", 20, false), new Doc("c", 30, false));
    private final InMemoryIndices.Target target = new InMemoryIndices.Target();

    @Test
    void copiesEveryDocumentAndReportsWhatItReadAndWhatTheTargetConfirmed() {
        CopyReport report = engine.copyIndex(copyIndex("m1", true, false), source, target);

        assertThat(target.documents).containsOnlyKeys("a", "b", "c");
        assertThat(report.source()).isEqualTo(report.copied());
        assertThat(report.source().documents()).isEqualTo(3);
        assertThat(report.bytes()).isEqualTo(60);
        assertThat(report.created()).containsExactly(INDEX);
        assertThat(target.indicesByCreator).containsEntry(INDEX, "m1");
        assertThat(target.settings).isEqualTo(RESTORE);
        assertThat(target.verificationSteps)
                .as("the copy is on disk before it is verified, verified before its settings are restored, and marked"
                        + " whole (for a later copy's skip) last")
                .containsExactly("flush", "refresh", "fingerprint", "settings", "marked verified by m1");
        assertThat(source.sealed).isTrue();
        assertThat(report.notes()).anyMatch(note -> note.contains("write block on the source index " + INDEX));
        assertThat(target.writerClosed).isTrue();
    }

    @Test
    void aLargeDocumentIsWrittenAloneAfterEverythingBeforeIt() {
        source.documents.add(1, new Doc("plot", 50_000_000, true));

        engine.copyIndex(copyIndex("m1", false, false), source, target);

        assertThat(target.writes).containsExactly("a", "alone:plot", "page", "b", "c", "page");
    }

    @Test
    void aThrottledCopyReadsPagesOfFiveSecondsOfItsRateAndNoMoreThanAPage() {
        CopyEngine pagesOf2000 = new CopyEngine(2_000, 1);

        assertThat(pagesOf2000.pageSize(0, null)).isEqualTo(2_000);
        assertThat(pagesOf2000.pageSize(20, null)).isEqualTo(100);
        assertThat(pagesOf2000.pageSize(100_000, null)).isEqualTo(2_000);
    }

    @Test
    void slicesThatShareARateAtOnceReadPagesOfTheirPartOfFiveSeconds() {
        CopyEngine fourAtOnce = new CopyEngine(2_000, 4);

        assertThat(fourAtOnce.pageSize(20, new Slice(0, 8)))
                .as("four slices at once")
                .isEqualTo(25);
        assertThat(fourAtOnce.pageSize(20, new Slice(0, 2)))
                .as("two slices at once")
                .isEqualTo(50);
        assertThat(fourAtOnce.pageSize(20, null))
                .as("one task copies the index")
                .isEqualTo(100);
        assertThat(fourAtOnce.pageSize(1, new Slice(3, 4)))
                .as("at least one document")
                .isEqualTo(1);
    }

    @Test
    void slicesOfOneMigrationArePacedTogetherAndTheirPacerGoesWithTheLastOfThem() {
        // Time stands still: both tasks reserve their pages at the same instant, as two threads would.
        List<Long> sleeps = new ArrayList<>();
        List<Long> madeFor = new ArrayList<>();
        MigrationPacers pacers = new MigrationPacers(rate -> {
            madeFor.add(rate);
            return new RatePacer(rate, Duration.ofSeconds(5), () -> 0L, sleeps::add);
        });
        CopyEngine paced = new CopyEngine(100, 1, pacers);

        try (MigrationPacers.Lease other = pacers.open("m1", 2)) {
            other.pacer().finished(10); // another slice of m1 read a page of 10: five seconds of the limit
            paced.copySlice(task("m1", TaskType.COPY_SLICE, new CopySpec.CopySlice(2)), source, target);
        }

        assertThat(madeFor).as("one pacer for both slices").containsExactly(2L);
        assertThat(sleeps)
                .as("the slice's 3 documents wait behind the other slice's 10, at 2 a second")
                .containsExactly(5 * SECOND, 6_500_000_000L);
        assertThat(pacers.active()).as("nothing of m1 runs any more").isZero();
        assertThat(target.documents).containsOnlyKeys("a", "b", "c");
    }

    @Test
    void aTargetThatDiffersFromItsSourceFailsAndTheSourceStaysWritable() {
        target.documents.put("x", new Doc("x", 1, false));
        MigrationTask verify = task(
                "m1", TaskType.VERIFY_COPY, new CopySpec.Verify(ContentChecksum.of(3, 99L), 40L, RESTORE, true, 0));

        assertThatThrownBy(() -> engine.verify(verify, source, target))
                .isInstanceOfSatisfying(
                        TaskFailedException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.TARGET_REJECTED))
                .hasMessageContaining("differs from its source")
                .hasMessageContaining("The source was left writable");
        assertThat(source.sealed).isFalse();
        assertThat(target.settings).isEqualTo(RESTORE);
        assertThat(target.verificationSteps).as("left marked as copying").doesNotContain("marked verified by m1");
    }

    /**
     * A target that stopped uncleanly mid-copy lost writes it had acknowledged (its translog synced in the background):
     * the verification finds them missing and copies the index again, instead of failing an index whose slices all
     * succeeded.
     */
    @Test
    void aTargetThatLostAcknowledgedWritesIsCopiedAgainByTheVerification() {
        target.lostOnNextFlush.add("c");

        CopyReport report = engine.copyIndex(copyIndex("m1", true, false), source, target);

        assertThat(target.documents).containsOnlyKeys("a", "b", "c");
        assertThat(report.copied()).isEqualTo(report.source());
        assertThat(report.notes())
                .contains("Copied the index again: the verification found 2 of its 3 documents on the target, which"
                        + " loses writes not yet synced to disk when it stops uncleanly; 3 after.");
        assertThat(source.sealed).isTrue();
    }

    /** The same for a sliced index: its verification task copies the whole index again, at the copy's rate. */
    @Test
    void aVerificationThatFindsDocumentsMissingCopiesTheIndexAgainAndThenMatches() {
        ContentChecksum.Tally expected = new ContentChecksum.Tally();
        source.documents.forEach(doc -> expected.addDocument(doc.digest()));
        target.indicesByCreator.put(INDEX, "m1");
        target.documents.put("a", source.documents.get(0));
        MigrationTask verify =
                task("m1", TaskType.VERIFY_COPY, new CopySpec.Verify(expected.total(), null, RESTORE, true, 0));

        CopyReport report = engine.verify(verify, source, target);

        assertThat(target.documents).containsOnlyKeys("a", "b", "c");
        assertThat(report.copied()).isEqualTo(expected.total());
        assertThat(target.verificationSteps).containsSubsequence("flush", "fingerprint", "flush", "fingerprint");
        assertThat(source.sealed).isTrue();
    }

    @Test
    void aSourceWrittenDuringTheCopyFailsTheIndexWhenSealedAndIsNotedWhenLeftWritable() {
        source.writesDuringRead = 2;
        assertThatThrownBy(() -> engine.copyIndex(copyIndex("m1", true, false), source, target))
                .isInstanceOfSatisfying(
                        TaskFailedException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.BAD_INPUT))
                .hasMessageContaining("took 2 writes while it was copied");

        InMemoryIndices.Source writable = new InMemoryIndices.Source().with(new Doc("a", 10, false));
        writable.writesDuringRead = 1;
        CopyReport report = engine.copyIndex(copyIndex("m2", false, false), writable, new InMemoryIndices.Target());
        assertThat(report.notes()).anyMatch(note -> note.contains("took 1 write while it was copied"));
    }

    @Test
    void preparingAgainKeepsTheIndexThisMigrationCreated() {
        MigrationTask prepare = task("m1", TaskType.PREPARE_COPY, prepare(false));
        engine.prepare(prepare, target);
        target.documents.put("a", new Doc("a", 10, false));

        CopyReport again = engine.prepare(prepare, target);

        assertThat(again.created()).isEmpty();
        assertThat(target.deleted).isZero();
        assertThat(target.documents).containsKey("a");
        assertThat(target.templates).containsExactly("events-template", "events-template");
    }

    @Test
    void anIndexThatAppearedSincePlanningIsRefusedUnlessTheOperatorAskedToReplaceIt() {
        target.indicesByCreator.put(INDEX, "");

        assertThatThrownBy(() -> engine.prepare(task("m1", TaskType.PREPARE_COPY, prepare(false)), target))
                .isInstanceOfSatisfying(
                        TaskFailedException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.TARGET_REJECTED))
                .hasMessageContaining("appeared on the target after the copy was planned");

        CopyReport replaced = engine.prepare(task("m1", TaskType.PREPARE_COPY, prepare(true)), target);
        assertThat(target.deleted).isEqualTo(1);
        assertThat(replaced.created()).containsExactly(INDEX);
        assertThat(replaced.notes()).contains("Replaced the target's existing index " + INDEX + ".");
    }

    @Test
    void aSliceStoppedByACancelReportsWhatTheTargetConfirmedByThen() {
        target.cancelledAfter = 2;

        assertThatThrownBy(() ->
                        engine.copySlice(task("m1", TaskType.COPY_SLICE, new CopySpec.CopySlice(0)), source, target))
                .isInstanceOfSatisfying(TaskCancelledException.class, stopped -> {
                    CopyReport soFar = (CopyReport) stopped.soFar();
                    assertThat(soFar.target()).isEqualTo(INDEX);
                    assertThat(soFar.step()).isEqualTo("copy-slice");
                    assertThat(soFar.copied().documents()).isEqualTo(2);
                });
        assertThat(target.documents).hasSize(2);
        assertThat(target.writerClosed).isTrue();
    }

    private static MigrationTask copyIndex(String migrationId, boolean seal, boolean replace) {
        CopySpec.CopyIndex spec = new CopySpec.CopyIndex(
                prepare(replace), new CopySpec.CopySlice(0), new CopySpec.Verify(null, null, RESTORE, seal, 0));
        return task(migrationId, TaskType.COPY_INDEX, spec);
    }

    private static CopySpec.Prepare prepare(boolean replace) {
        return new CopySpec.Prepare(
                List.of(new CopySpec.IndexTemplate("events-template", Map.of(), null)),
                List.of(new CopySpec.TargetIndex(INDEX, Map.of(), Map.of(), replace)));
    }

    private static MigrationTask task(String migrationId, TaskType type, CopySpec spec) {
        return MigrationTask.copy(new TaskId(migrationId, 0), type, INDEX, OLD, NEW, null, spec);
    }
}
