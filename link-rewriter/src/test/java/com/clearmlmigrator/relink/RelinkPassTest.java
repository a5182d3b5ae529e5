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
    void aDocumentJournaledByASecondCopyOfTheTaskMeanwhileIsWrittenAsThatCopyJournaledIt() {
        // This copy read the document; another copy of the task journaled it before this one could.
        Map<String, Object> stored = model("http://a/x");
        FieldChange journaledByTheOther = new FieldChange("uri", "uri", "http://a/x", "http://a/b/x");
        journal.record(List.of(new JournalEntry("m", "model", "1", List.of(journaledByTheOther))));

        RelinkPass late = new RelinkPass(TASK, "model", relinker, journal, false);
        List<PlannedWrite> writes = late.plan(List.of(new StoredDocument("1", stored, null)));

        assertThat(writes)
                .singleElement()
                .satisfies(w -> assertThat(w.changes()).containsExactly(journaledByTheOther));
        assertThat(journal.entries.get("m/model/1").changes()).containsExactly(journaledByTheOther);
        assertThat(late.report().samples())
                .as("the other copy samples what it journaled")
                .isEmpty();
        applyAll(writes, late);
        assertThat(stored.get("uri")).isEqualTo("http://a/b/x");
        assertThat(tally(late.report(), "uri").changed()).isEqualTo(1);
    }

    @Test
    void aDocumentAlreadyUnderTheNewPrefixThatExtendsTheOldIsNeitherJournaledNorWritten() {
        // The same relink submitted again as a new migration: the values the first one wrote stay as they are.
        RelinkPass again = new RelinkPass(new TaskId("m2", 0), "model", relinker, journal, false);

        List<PlannedWrite> writes = again.plan(List.of(new StoredDocument("1", model("http://a/b/x"), null)));

        assertThat(writes).isEmpty();
        assertThat(journal.entries).isEmpty();
        assertThat(tally(again.report(), "uri").matched()).isZero();
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

    @Test
    void aStorageEntryWhoseHostAndBucketBothChangeCountsAsOneValue() {
        DocumentRelinker entries = new DocumentRelinker(
                LinkRewriter.of("s3://old-bucket/", "s3://minio.new:9000/clearml/"),
                ClearmlFields.forCollection("storage_settings", Set.of("storage-settings")),
                false);
        Map<String, Object> bucket = new LinkedHashMap<>(Map.of("bucket", "old-bucket", "key", "k"));
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("aws", Map.of("buckets", List.of(bucket))));
        RelinkPass pass = new RelinkPass(TASK, "storage_settings", entries, journal, false);

        List<PlannedWrite> writes = pass.plan(List.of(new StoredDocument("s1", settings, null)));
        applyAll(writes, pass);
        pass.verify(new StoredDocument("s1", settings, null));

        assertThat(writes)
                .singleElement()
                .satisfies(w -> assertThat(w.changes()).hasSize(2));
        assertThat(bucket).containsEntry("host", "minio.new:9000").containsEntry("bucket", "clearml");
        assertThat(tally(pass.report(), "aws.buckets.*"))
                .extracting(FieldTally::matched, FieldTally::changed, FieldTally::remaining)
                .containsExactly(1L, 1L, 0L);
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
