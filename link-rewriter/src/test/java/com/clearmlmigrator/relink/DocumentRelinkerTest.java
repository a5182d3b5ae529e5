package com.clearmlmigrator.relink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DocumentRelinkerTest {
    private static final String OLD = "http://files.old.lan:8081";
    private final LinkRewriter rewriter = LinkRewriter.of(OLD + "/", "https://files.example.com/");

    @Test
    void rewritesArtifactUrisInBothTheListAndTheMapShape() {
        Map<String, Object> legacy =
                doc("execution", doc("artifacts", new ArrayList<>(List.of(doc("uri", OLD + "/a")))));
        Map<String, Object> current = doc("execution", doc("artifacts", doc("x_output", doc("uri", OLD + "/b"))));
        DocumentRelinker relinker =
                new DocumentRelinker(rewriter, ClearmlFields.forCollection("task", Set.of()), false);

        assertThat(relinker.relink(legacy).changes())
                .containsExactly(new FieldChange(
                        "execution.artifacts.*.uri",
                        "execution.artifacts.0.uri",
                        OLD + "/a",
                        "https://files.example.com/a"));
        assertThat(relinker.relink(current).changes())
                .extracting(FieldChange::path)
                .containsExactly("execution.artifacts.x_output.uri");
    }

    @Test
    void leavesScriptAndOptInGroupsAloneByDefault() {
        Map<String, Object> task = doc(
                "script", doc("diff", OLD + "/data.csv"),
                "hyperparams", doc("Args", doc("root", doc("value", OLD + "/d"))),
                "output", doc("destination", OLD));
        DocumentRelinker relinker =
                new DocumentRelinker(rewriter, ClearmlFields.forCollection("task", Set.of()), false);

        assertThat(relinker.relink(task).changes())
                .singleElement()
                .satisfies(c -> assertThat(c.after()).isEqualTo("https://files.example.com"));
    }

    @Test
    void optInGroupIsRewrittenWhenIncluded() {
        Map<String, Object> task = doc("hyperparams", doc("Args", doc("root", doc("value", "path " + OLD + "/d"))));
        DocumentRelinker relinker =
                new DocumentRelinker(rewriter, ClearmlFields.forCollection("task", Set.of("hyperparams")), false);

        assertThat(relinker.relink(task).changes())
                .extracting(FieldChange::after)
                .containsExactly("path https://files.example.com/d");
    }

    @Test
    void compressedPlotIsRewrittenInsideAndItsLengthAndSourceUrlsFollow() {
        String plot = "{\"layout\": {\"images\": [{\"source\": \"" + OLD + "/p.png\"}]}}";
        Map<String, Object> event = doc(
                "plot_data", CompressedPlots.compress(plot),
                "plot_len", CompressedPlots.length(plot),
                "source_urls", new ArrayList<>(List.of(OLD + "/p.png")));
        // A new prefix of another length, so plot_len must change too.
        LinkRewriter longer = LinkRewriter.of(OLD + "/", "https://storage.example.com/clearml/");
        DocumentRelinker relinker =
                new DocumentRelinker(longer, ClearmlFields.forIndex("events-plot-c", Set.of()), true);

        List<FieldChange> changes = relinker.relink(event).changes();

        String rewritten = plot.replace(OLD, "https://storage.example.com/clearml");
        assertThat(changes).extracting(FieldChange::path).containsExactly("source_urls.0", "plot_data", "plot_len");
        assertThat(CompressedPlots.decompress((String) changes.get(1).after())).isEqualTo(rewritten);
        assertThat(changes.get(2).after()).isEqualTo(CompressedPlots.length(rewritten));
        changes.forEach(c -> DocumentPaths.set(event, c.path(), c.after()));
        assertThat(relinker.remaining(event).values()).allMatch(n -> n == 0);
    }

    @Test
    void referencesAlreadyUnderTheNewPrefixAreCountedByFieldAsReadInsideCompressedPlotsToo() {
        String neu = "https://files.example.com";
        String plot = "{\"images\": [{\"source\": \"" + neu + "/a.png\"}, {\"source\": \"" + OLD + "/b.png\"},"
                + " {\"source\": \"" + neu + "/c.png\"}]}";
        Map<String, Object> event = doc(
                "plot_data",
                CompressedPlots.compress(plot),
                "source_urls",
                new ArrayList<>(List.of(neu + "/a.png", OLD + "/b.png", neu + "/c.png")));
        Map<String, Object> model = doc("uri", neu + "/m.pkl");
        // Extends the old prefix without being the new one: neither old nor new.
        Map<String, Object> elsewhere = doc("uri", "https://files.example.com.evil/m.pkl");

        DocumentRelinker plots =
                new DocumentRelinker(rewriter, ClearmlFields.forIndex("events-plot-c", Set.of()), true);
        DocumentRelinker models = new DocumentRelinker(rewriter, ClearmlFields.forCollection("model", Set.of()), false);

        assertThat(plots.relink(event).alreadyNew())
                .containsEntry("source_urls.*", 2)
                .containsEntry("plot_data", 2);
        assertThat(models.relink(model).alreadyNew()).containsEntry("uri", 1);
        assertThat(models.relink(model).changes()).isEmpty();
        assertThat(models.relink(elsewhere).alreadyNew()).containsEntry("uri", 0);
    }

    @Test
    void storageSettingsEntriesOfTheOldLocationGetTheNewOneAndTheirCredentialsStay() {
        Map<String, Object> settings = doc(
                "company", "c1",
                "aws",
                        doc(
                                "key",
                                "default-key",
                                "buckets",
                                new ArrayList<>(List.of(
                                        doc("bucket", "clearml", "host", "minio.old:9000", "key", "k", "secret", "s"),
                                        doc("bucket", "clearml", "host", "minio.new:9000", "key", "k2"),
                                        doc("bucket", "other", "host", "minio.old:90001")))),
                "google", doc("buckets", new ArrayList<>(List.of(doc("bucket", "clearml")))));
        DocumentRelinker relinker = new DocumentRelinker(
                LinkRewriter.of("s3://minio.old:9000/", "s3://minio.new:9000/"),
                ClearmlFields.forCollection("storage_settings", Set.of("storage-settings")),
                false);

        DocumentRelinker.Outcome outcome = relinker.relink(settings);

        assertThat(outcome.changes())
                .containsExactly(
                        new FieldChange("aws.buckets.*", "aws.buckets.0.host", "minio.old:9000", "minio.new:9000"));
        assertThat(outcome.alreadyNew()).containsEntry("aws.buckets.*", 1);
        assertThat(relinker.remaining(settings)).containsEntry("aws.buckets.*", 1);
        outcome.changes().forEach(c -> DocumentPaths.set(settings, c.path(), c.after()));
        assertThat(relinker.remaining(settings)).containsEntry("aws.buckets.*", 0);
        assertThat(DocumentPaths.get(settings, "aws.buckets.0.secret")).isEqualTo("s");
        assertThat(ClearmlFields.forCollection("storage_settings", Set.of()))
                .as("only when asked for")
                .isEmpty();
    }

    @Test
    void aStorageEntryTheNewLocationCannotBeWrittenAsIsLeftAndSaysWhy() {
        Map<String, Object> settings =
                doc("aws", doc("buckets", new ArrayList<>(List.of(doc("bucket", "clearml", "host", "minio:9000")))));
        DocumentRelinker relinker = new DocumentRelinker(
                LinkRewriter.of("s3://minio:9000/", "s3://minio2:9000/deeper/"),
                ClearmlFields.forCollection("storage_settings", Set.of("storage-settings")),
                false);

        DocumentRelinker.Outcome outcome = relinker.relink(settings);

        assertThat(outcome.changes()).isEmpty();
        assertThat(outcome.unreadable()).containsExactly("aws.buckets.*");
        assertThat(relinker.unchangedBecause("aws.buckets.*")).contains("cannot be written as this entry's fields");
    }

    @Test
    void corruptPlotDataIsReportedAndLeftAlone() {
        DocumentRelinker relinker = new DocumentRelinker(rewriter, List.of(), true);

        DocumentRelinker.Outcome outcome = relinker.relink(doc("plot_data", "bm90IHpsaWI="));

        assertThat(outcome.changes()).isEmpty();
        assertThat(outcome.unreadable()).containsExactly("plot_data");
    }

    @Test
    void journalTellsAReplayWhetherToApplySkipOrReportAConflict() {
        LinkRewriter nested = LinkRewriter.of("http://a/", "http://a/b/");
        Map<String, Object> model = doc("uri", "http://a/x");
        DocumentRelinker relinker = new DocumentRelinker(nested, ClearmlFields.forCollection("model", Set.of()), false);
        JournalEntry entry =
                new JournalEntry("m", "model", "1", relinker.relink(model).changes());

        assertThat(entry.stateOf(model)).isEqualTo(JournalEntry.State.TO_APPLY);
        model.put("uri", "http://a/b/x");
        assertThat(entry.stateOf(model)).isEqualTo(JournalEntry.State.APPLIED);
        model.put("uri", "http://elsewhere/x");
        assertThat(entry.stateOf(model)).isEqualTo(JournalEntry.State.CONFLICT);
        model.put("uri", "http://a/b/x");
        assertThat(entry.reversed().stateOf(model)).isEqualTo(JournalEntry.State.TO_APPLY);
    }

    @Test
    void extraFieldAppliesToMatchingTargetsOnly() {
        ExtraField frames = ExtraField.parse("frames_*:sources.*.uri");

        assertThat(frames.appliesTo("frames_v2")).isTrue();
        assertThat(frames.appliesTo("task")).isFalse();
        assertThat(frames.rule().segments()).containsExactly("sources", "*", "uri");
    }

    private static Map<String, Object> doc(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
