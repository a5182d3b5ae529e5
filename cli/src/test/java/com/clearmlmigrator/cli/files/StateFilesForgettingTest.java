package com.clearmlmigrator.cli.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forgetting a relink's journal in a file server's folder, once the relink is to be kept. */
class StateFilesForgettingTest {
    private static final String OLD = "s3://old-bucket";
    private static final String NEW = "s3://new-bucket";
    private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-07T09:00:00Z");

    @TempDir
    Path fileServer;

    private Path dataset(String name, String link) throws IOException {
        Path file = fileServer.resolve("p/.datasets/" + name + "/" + name + ".x1/artifacts/state/state.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"dataset_link_entries\": [{\"link\": \"" + link + "\", \"size\": 100}]}");
        return file;
    }

    private Path journal(String relinkId) {
        return fileServer.resolve(".clearml-migrator/relink-" + relinkId);
    }

    private StateFilesForgetting forget(String relinkId, boolean dryRun, Instant at) {
        try (FileServerFolder place = FileServerFolder.at(fileServer)) {
            return StateFilesForgetting.in(place, relinkId, dryRun, at);
        }
    }

    private StateFilesReport undo(String relinkId) {
        try (FileServerFolder place = FileServerFolder.at(fileServer)) {
            return new StateFilesRelink(place).undo(relinkId);
        }
    }

    private void relink(String relinkId) {
        try (FileServerFolder place = FileServerFolder.at(fileServer)) {
            new StateFilesRelink(place).relink(relinkId, OLD, NEW, false);
        }
    }

    @Test
    void aDryRunSaysWhatTheJournalKeepsAndRemovesNothing() throws IOException {
        dataset("images", OLD + "/a.csv");
        dataset("texts", OLD + "/b.txt");
        relink("m1");

        StateFilesForgetting looked = forget("m1", true, NOW);

        assertThat(looked.kept().originals()).isEqualTo(2);
        assertThat(looked.lines().get(0))
                .startsWith(
                        "Dataset state files under " + fileServer.toAbsolutePath() + ": relink m1 keeps 2 originals (")
                .endsWith(" KB) in " + journal("m1").toAbsolutePath() + "/.");
        try (var originals = Files.walk(journal("m1").resolve("originals"))) {
            assertThat(originals.filter(Files::isRegularFile)).hasSize(2);
        }
        assertThat(undo("m1").changed()).as("the relink can still be undone").isEqualTo(2);
    }

    @Test
    void forgettingRemovesTheOriginalsKeepsTheNewLinksAndUndoThenSaysTheJournalWasForgotten() throws IOException {
        Path images = dataset("images", OLD + "/a.csv");
        relink("m1");
        String relinked = Files.readString(images);
        long journalBytes;
        try (var kept = Files.walk(journal("m1"))) {
            journalBytes = kept.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }

        StateFilesForgetting forgotten = forget("m1", false, NOW);

        assertThat(forgotten.problem()).isNull();
        assertThat(forgotten.kept()).isEqualTo(new StateFileJournal.Kept(1, journalBytes));
        assertThat(forgotten.lines())
                .containsExactly(
                        "Dataset state files under " + fileServer.toAbsolutePath() + ": the journal of relink m1 is"
                                + " forgotten: 1 original ("
                                + String.format(Locale.ROOT, "%.1f KB", journalBytes / 1024.0)
                                + ") removed in " + journal("m1").toAbsolutePath() + "/.",
                        "  The files keep their new links; its undo restores none of them now.");
        try (var left = Files.list(journal("m1"))) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactly("forgotten");
        }
        StateFilesReport undo = undo("m1");
        assertThat(Files.readString(images)).isEqualTo(relinked).contains(NEW + "/a.csv");
        assertThat(undo.changed()).isZero();
        assertThat(undo.problems())
                .containsExactly("its journal was forgotten on 2026-12-06T18:00:00Z (`forget`): the files keep the"
                        + " relink's links");
        assertThat(undo.undoLines())
                .containsExactly(
                        "Dataset state files under " + fileServer.toAbsolutePath() + ": none restored.",
                        "  Left as it is: its journal was forgotten on 2026-12-06T18:00:00Z (`forget`): the files keep"
                                + " the relink's links");
    }

    @Test
    void aForgetStoppedMidwayIsFinishedByTheNextWhichKeepsTheFirstTime() throws IOException {
        dataset("images", OLD + "/a.csv");
        dataset("texts", OLD + "/b.txt");
        relink("m1");
        // What a forget stopped after its mark and before the originals leaves.
        Files.writeString(journal("m1").resolve("forgotten"), NOW.toString());

        StateFilesForgetting again = forget("m1", false, LATER);

        assertThat(again.lines())
                .containsExactly("Dataset state files under " + fileServer.toAbsolutePath() + ": the journal of relink"
                        + " m1 was forgotten on 2026-12-06T18:00:00Z; what was left of it is removed now.");
        assertThat(Files.exists(journal("m1").resolve("originals"))).isFalse();
        assertThat(Files.exists(journal("m1").resolve("changes.tsv"))).isFalse();
        assertThat(forget("m1", false, LATER).lines())
                .containsExactly("Dataset state files under " + fileServer.toAbsolutePath() + ": the journal of relink"
                        + " m1 was forgotten on 2026-12-06T18:00:00Z.");
    }

    @Test
    void onlyTheNamedRelinksJournalIsForgotten() throws IOException {
        Path images = dataset("images", OLD + "/a.csv");
        String original = Files.readString(images);
        relink("m1");
        dataset("texts", OLD + "/b.txt");
        relink("m2");

        forget("m2", false, NOW);

        assertThat(undo("m1").changed()).isEqualTo(1);
        assertThat(Files.readString(images)).isEqualTo(original);
    }

    @Test
    void aRelinkThatChangedNoFileHereHasNoJournalToForget() throws IOException {
        dataset("images", "s3://elsewhere/a.csv");
        relink("m1");

        StateFilesForgetting forgotten = forget("m1", false, NOW);

        assertThat(forgotten.lines())
                .containsExactly("Dataset state files under " + fileServer.toAbsolutePath() + ": relink m1 changed"
                        + " none here: it keeps no journal to forget.");
        assertThat(Files.exists(journal("m1").resolve("forgotten"))).isFalse();
    }
}
