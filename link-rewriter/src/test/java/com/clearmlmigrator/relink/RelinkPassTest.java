package com.clearmlmigrator.relink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.FieldTally;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.TaskId;

class RelinkPassTest {
    private static final TaskId TASK = new TaskId("m", 0);
    private final InMemoryJournal journal = new InMemoryJournal();
    private final DocumentRelinker relinker = new DocumentRelinker(
            LinkRewriter.of("http://a/", "http://a/b/"), ClearmlFields.forCollection("model", Set.of()), false);

    @Test
    void journalsBeforeWritingAndAReplayAfterTheWriteChangesNothing() {
        Map<String, Object> stored = model("http://a/x");

        RelinkPass first = new RelinkPass(TASK, "model", relinker, journal, false);
        List<PlannedWrite> writes = first.plan(List.of(new StoredDocument("1", stored, null)));
        assertThat(journal.entries).containsKey("m/model/1");
        applyAll(writes, first);

        RelinkPass replay = new RelinkPass(TASK, "model", relinker, journal, false);
        assertThat(replay.plan(List.of(new StoredDocument("1", stored, null)))).isEmpty();
        assertThat(stored.get("uri")).isEqualTo("http://a/b/x");
        assertThat(tally(replay.report(), "uri").changed()).isEqualTo(1);
    }

    @Test
    void replayAfterACrashBetweenJournalAndWriteStillWritesOnce() {
        Map<String, Object> stored = model("http://a/x");
        new RelinkPass(TASK, "model", relinker, journal, false).plan(List.of(new StoredDocument("1", stored, null)));

        RelinkPass replay = new RelinkPass(TASK, "model", relinker, journal, false);
        List<PlannedWrite> writes = replay.plan(List.of(new StoredDocument("1", stored, null)));
        applyAll(writes, replay);

        assertThat(stored.get("uri")).isEqualTo("http://a/b/x");
    }

    @Test
    void aFirstDeliveryDoesNotLookUpTheJournalAndAReplayDoes() {
        Map<String, Object> stored = model("http://a/x");
        RelinkPass first = new RelinkPass(TASK, "model", relinker, journal, false);
        first.plan(List.of(new StoredDocument("1", stored, null)));
        first.plan(List.of(new StoredDocument("2", model("http://a/y"), null)));
        assertThat(journal.lookups).isZero();

        new RelinkPass(TASK, "model", relinker, journal, false).plan(List.of(new StoredDocument("1", stored, null)));

        assertThat(journal.lookups).isEqualTo(1);
    }

    @Test
    void aDocumentJournaledByASecondCopyOfTheTaskMeanwhileIsReconciledNotRewrittenAgain() {
        // Another copy of the task journaled and rewrote the document after this copy had started.
        journal.record(List.of(new JournalEntry(
                "m", "model", "1", List.of(new FieldChange("uri", "uri", "http://a/x", "http://a/b/x")))));
        Map<String, Object> stored = model("http://a/b/x");

        RelinkPass late = new RelinkPass(TASK, "model", relinker, journal, false);
        List<PlannedWrite> writes = late.plan(List.of(new StoredDocument("1", stored, null)));

        assertThat(writes).isEmpty();
        assertThat(journal.entries.get("m/model/1").changes().get(0).after()).isEqualTo("http://a/b/x");
        assertThat(tally(late.report(), "uri").changed()).isEqualTo(1);
        assertThat(late.report().samples()).isEmpty();
    }

    @Test
    void dryRunCountsAndSamplesButJournalsAndWritesNothing() {
        RelinkPass dry = new RelinkPass(TASK, "model", relinker, journal, true);

        List<PlannedWrite> writes = dry.plan(List.of(new StoredDocument("1", model("http://a/x"), null)));

        assertThat(writes).isEmpty();
        assertThat(journal.entries).isEmpty();
        RelinkReport report = dry.report();
        assertThat(tally(report, "uri").matched()).isEqualTo(1);
        assertThat(report.samples())
                .singleElement()
                .satisfies(s -> assertThat(s.after()).isEqualTo("http://a/b/x"));
    }

    @Test
    void verificationCountsWhatIsLeft() {
        RelinkPass pass = new RelinkPass(TASK, "model", relinker, journal, false);

        pass.verify(new StoredDocument("1", model("http://a/left"), null));

        assertThat(tally(pass.report(), "uri").remaining()).isEqualTo(1);
    }

    private static void applyAll(List<PlannedWrite> writes, RelinkPass pass) {
        for (PlannedWrite write : writes) {
            write.changes().forEach(c -> DocumentPaths.set(write.document().source(), c.path(), c.after()));
            pass.written(write, PlannedWrite.Outcome.WRITTEN, null);
        }
    }

    private static FieldTally tally(RelinkReport report, String field) {
        return report.fields().stream()
                .filter(f -> f.field().equals(field))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Object> model(String uri) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("uri", uri);
        return model;
    }
}
