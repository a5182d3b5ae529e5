package com.clearmlmigrator.cli.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What dataset state files in a bucket or container go through, the same whatever store holds them: each store's
 * {@code *IT} runs these against a real server of its kind over HTTP, and adds what is its own.
 */
abstract class StateFilesInAStore {
    static final String OLD = "s3://old-bucket";
    static final String NEW = "s3://new-bucket";
    static final String IMAGES = "vision/.datasets/images/images.a1/artifacts/state/state.json";
    static final String TEXTS = "nlp/.datasets/texts/texts.c3/artifacts/state/state.json";

    /** The bucket or container as the operator gives it, without a folder or a closing /. */
    abstract String root();

    /** The store at {@code uri}, looked into as the command does before it submits anything. */
    abstract ObjectStore open(String uri);

    abstract void put(String key, String text);

    abstract String get(String key);

    abstract List<String> keys();

    /** How many originals to keep in a journal beside a relink's own, for its forgetting to take several requests. */
    abstract int keptOriginals();

    /** How many bytes the objects whose keys start with {@code prefix} hold. */
    abstract long bytesUnder(String prefix);

    /** The bucket or container with {@code folder} ({@code ""}, {@code "/"} or {@code "/NAME"}) after it. */
    DatasetBucket place(String folder) {
        return DatasetBucket.at(open(root() + folder), "--dataset-bucket " + root() + folder);
    }

    /** As {@link #place}, with {@code whileReplacing} called while each replacement is ready and not yet uploaded. */
    DatasetBucket placeReplacing(String folder, Consumer<String> whileReplacing) {
        return new DatasetBucket(open(root() + folder), "--dataset-bucket " + root() + folder, whileReplacing);
    }

    /** A state file as ClearML's SDK writes it (json.dumps, sorted keys, an indent of 4). */
    static String state(String id, String... links) {
        StringBuilder entries = new StringBuilder();
        for (String link : links) {
            entries.append(entries.length() == 0 ? "" : ",\n")
                    .append("        {\n            \"link\": \"")
                    .append(link)
                    .append("\",\n            \"size\": 100\n        }");
        }
        return "{\n    \"dataset_file_entries\": [],\n    \"dataset_link_entries\": [\n" + entries + "\n    ],\n"
                + "    \"id\": \"" + id + "\"\n}";
    }

    @Test
    void theStateFilesInTheBucketAreRelinkedTheirOriginalsKeptInItAndUndoGivesThemBackToTheByte() {
        String images = state("a1", OLD + "/raw/f0.csv", "s3://old-bucket-2/f1.csv", NEW + "/raw/f2.csv");
        String texts = state("c3", OLD + "/corpus/a.txt");
        put("clearml/" + IMAGES, images);
        put("clearml/" + TEXTS, texts);
        put("clearml/vision/.datasets/images/images.a1/artifacts/data/dataset.a1.zip", "zip bytes");
        put("elsewhere/" + IMAGES, images);

        StateFilesReport relinked;
        try (DatasetBucket place = place("/clearml")) {
            relinked = new StateFilesRelink(place).relink("m1", OLD, NEW, false);
        }

        assertThat(relinked.files()).isEqualTo(2);
        assertThat(relinked.changed()).isEqualTo(2);
        assertThat(relinked.links()).isEqualTo(2);
        assertThat(relinked.already()).isEqualTo(1);
        assertThat(relinked.problems()).isEmpty();
        assertThat(get("clearml/" + IMAGES)).isEqualTo(images.replace(OLD + "/raw/f0.csv", NEW + "/raw/f0.csv"));
        assertThat(get("clearml/" + TEXTS)).isEqualTo(texts.replace(OLD + "/", NEW + "/"));
        assertThat(get("elsewhere/" + IMAGES)).isEqualTo(images);
        assertThat(get("clearml/.clearml-migrator/relink-m1/originals/" + IMAGES))
                .isEqualTo(images);
        assertThat(relinked.relinkLines())
                .contains("  Their originals are kept in " + root() + "/clearml/.clearml-migrator/; `undo` with"
                        + " --dataset-bucket " + root() + "/clearml restores them.");

        StateFilesReport undone;
        try (DatasetBucket place = place("/clearml")) {
            undone = new StateFilesRelink(place).undo("m1");
        }

        assertThat(undone.changed()).isEqualTo(2);
        assertThat(undone.problems()).isEmpty();
        assertThat(get("clearml/" + IMAGES)).isEqualTo(images);
        assertThat(get("clearml/" + TEXTS)).isEqualTo(texts);
    }

    /** The check just before an upload leaves a moment open: the store's If-Match closes it. */
    @Test
    void anUploadOverAVersionThatIsNoLongerTheStoredOneIsRefusedAndChangesNothing(@TempDir Path folder)
            throws Exception {
        put(IMAGES, state("a1", OLD + "/raw/f0.csv"));
        String uploadedMeanwhile = state("a1", OLD + "/raw/new.csv");
        Path replacement = Files.writeString(folder.resolve("state.json"), state("a1", NEW + "/raw/f0.csv"));
        try (ObjectStore store = open(root())) {
            String seen = store.download(IMAGES, folder.resolve("seen.json"));
            put(IMAGES, uploadedMeanwhile);

            assertThatThrownBy(() -> store.upload(IMAGES, replacement, seen))
                    .isInstanceOf(WrittenMeanwhileException.class);
        }
        assertThat(get(IMAGES)).isEqualTo(uploadedMeanwhile);
    }

    /** A journal of more changed files than the store deletes in one request or at once. */
    @Test
    void forgettingARelinksJournalRemovesEveryObjectOfItButItsMarkAndUndoThenSaysSo() {
        put("clearml/" + IMAGES, state("a1", OLD + "/raw/f0.csv"));
        put("clearml/" + TEXTS, state("c3", OLD + "/corpus/a.txt"));
        try (DatasetBucket place = place("/clearml")) {
            assertThat(new StateFilesRelink(place).relink("m1", OLD, NEW, false).changed())
                    .isEqualTo(2);
        }
        String journal = "clearml/.clearml-migrator/relink-m1/";
        // As a relink of a thousand more files would have kept them; put directly, as relinking them takes half a
        // minute.
        IntStream.range(0, keptOriginals())
                .parallel()
                .forEach(i -> put(journal + "originals/p/d" + i + "/state.json", "{}"));
        long journalBytes = bytesUnder(journal);

        StateFilesForgetting forgotten;
        try (DatasetBucket place = place("/clearml")) {
            forgotten = StateFilesForgetting.in(place, "m1", false, Instant.parse("2026-12-06T18:00:00Z"));
        }

        assertThat(forgotten.problem()).isNull();
        assertThat(forgotten.kept()).isEqualTo(new StateFileJournal.Kept(keptOriginals() + 2, journalBytes));
        assertThat(forgotten.lines().get(0))
                .startsWith("Dataset state files under " + root() + "/clearml/: the journal of relink m1 is forgotten:"
                        + " " + (keptOriginals() + 2) + " originals (")
                .endsWith(") removed in " + root() + "/clearml/.clearml-migrator/relink-m1/.");
        assertThat(keys().stream().filter(key -> key.startsWith(journal))).containsExactly(journal + "forgotten");
        assertThat(get("clearml/" + TEXTS)).contains(NEW + "/corpus/a.txt");

        StateFilesReport undone;
        try (DatasetBucket place = place("/clearml")) {
            undone = new StateFilesRelink(place).undo("m1");
        }
        assertThat(undone.changed()).isZero();
        assertThat(undone.problems())
                .containsExactly("its journal was forgotten on 2026-12-06T18:00:00Z (`forget`): the files keep the"
                        + " relink's links");
        assertThat(get("clearml/" + TEXTS)).contains(NEW + "/corpus/a.txt");
    }

    @Test
    void aRelinkRunAgainChangesNothingAndDoesNotTakeTheKeptOriginalsForStateFiles() {
        put(IMAGES, state("a1", OLD + "/raw/f0.csv"));
        try (DatasetBucket place = place("")) {
            new StateFilesRelink(place).relink("m1", OLD, NEW, false);
        }

        StateFilesReport again;
        try (DatasetBucket place = place("")) {
            again = new StateFilesRelink(place).relink("m2", OLD, NEW, false);
        }

        assertThat(again.files()).isEqualTo(1);
        assertThat(again.changed()).isZero();
        assertThat(again.already()).isEqualTo(1);
        assertThat(keys()).noneMatch(key -> key.startsWith(".clearml-migrator/relink-m2/"));
    }

    @Test
    void aDryRunCountsAndWritesNothingToTheBucket() {
        String images = state("a1", OLD + "/raw/f0.csv");
        put(IMAGES, images);

        StateFilesReport report;
        try (DatasetBucket place = place("/")) {
            report = new StateFilesRelink(place).relink("m1", OLD, NEW, true);
        }

        assertThat(report.links()).isEqualTo(1);
        assertThat(get(IMAGES)).isEqualTo(images);
        assertThat(keys()).containsExactly(IMAGES);
    }

    @Test
    void aStateFileUploadedAgainWhileItIsRelinkedKeepsThatUploadAndIsNamed() {
        put(IMAGES, state("a1", OLD + "/raw/f0.csv"));
        String uploadedMeanwhile = state("a1", OLD + "/raw/new.csv");
        StateFilesReport report;
        try (DatasetBucket place = placeReplacing("", name -> put(name, uploadedMeanwhile))) {
            report = new StateFilesRelink(place).relink("m1", OLD, NEW, false);
        }

        assertThat(get(IMAGES)).isEqualTo(uploadedMeanwhile);
        assertThat(report.changed()).isZero();
        assertThat(report.problems())
                .containsExactly(IMAGES + ": written while it was relinked (is ClearML still running?); left as it is,"
                        + " run the relink again");
        try (DatasetBucket place = place("")) {
            assertThat(new StateFilesRelink(place).undo("m1").files()).isZero();
        }
    }

    @Test
    void anUndoLeavesAStateFileUploadedSinceTheRelinkAndNamesIt() {
        put(IMAGES, state("a1", OLD + "/raw/f0.csv"));
        try (DatasetBucket place = place("")) {
            new StateFilesRelink(place).relink("m1", OLD, NEW, false);
        }
        String uploadedSince = state("a1", NEW + "/raw/f0.csv", NEW + "/raw/more.csv");
        put(IMAGES, uploadedSince);

        StateFilesReport undone;
        try (DatasetBucket place = place("")) {
            undone = new StateFilesRelink(place).undo("m1");
        }

        assertThat(get(IMAGES)).isEqualTo(uploadedSince);
        assertThat(undone.problems())
                .containsExactly(IMAGES + ": changed since the relink (the dataset was written again?)");
    }

    @Test
    void folderMarkersAsS3ConsolesMakeThemAreNotTakenForChangedFiles() {
        String images = state("a1", OLD + "/raw/f0.csv");
        put(IMAGES, images);
        try (DatasetBucket place = place("")) {
            new StateFilesRelink(place).relink("m1", OLD, NEW, false);
        }
        put(".clearml-migrator/relink-m1/changes/vision/", "");
        put(".clearml-migrator/relink-m1/changes/vision/.datasets/", "");

        StateFilesReport undone;
        try (DatasetBucket place = place("")) {
            undone = new StateFilesRelink(place).undo("m1");
        }

        assertThat(undone.files()).isEqualTo(1);
        assertThat(undone.changed()).isEqualTo(1);
        assertThat(undone.already()).isZero();
        assertThat(get(IMAGES)).isEqualTo(images);
    }

    @Test
    void theCensusCountsTheBucketsLinksByOrigin() {
        put(IMAGES, state("a1", OLD + "/raw/f0.csv", OLD + "/raw/f1.csv", "http://files:8081/x.png"));
        put(TEXTS, "not json");

        StateFilesCensus census;
        try (DatasetBucket place = place("")) {
            census = new StateFilesRelink(place).census();
        }

        assertThat(census.files()).isEqualTo(2);
        assertThat(census.origins()).containsOnly(entry(OLD, 2L), entry("http://files:8081", 1L));
        assertThat(census.problems()).singleElement().asString().startsWith(TEXTS + ": not JSON");
    }
}
