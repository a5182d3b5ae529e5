package com.clearmlmigrator.cli.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class StateFilesRelinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OLD = "s3://old-bucket";
    private static final String NEW = "s3://new-bucket";

    @TempDir
    Path fileServer;

    /** A state file as ClearML's SDK writes it (json.dump: spaces after separators, non-ASCII escaped). */
    private Path dataset(String project, String name, String id, String... links) throws IOException {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < links.length; i++) {
            entries.append(i == 0 ? "" : ", ")
                    .append("{\"link\": \"")
                    .append(links[i])
                    .append("\", \"relative_path\": \"raw/f")
                    .append(i)
                    .append(".csv\", \"parent_dataset_id\": \"")
                    .append(id)
                    .append("\", \"size\": 100}");
        }
        String state = "{\"file_count\": " + (links.length + 1) + ", \"total_size\": 1300,"
                + " \"dataset_file_entries\": [{\"relative_path\": \"caf\\u00e9.txt\", \"hash\": \"ab12\","
                + " \"parent_dataset_id\": \"" + id + "\", \"size\": 1000, \"artifact_name\": \"data\","
                + " \"local_path\": null}], \"dataset_link_entries\": [" + entries + "],"
                + " \"dependency_graph\": {\"" + id + "\": []}, \"id\": \"" + id + "\", \"dirty\": false}";
        Path file = fileServer.resolve(
                project + "/.datasets/" + name + "/" + name + "." + id + "/artifacts/state/state.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, state, StandardCharsets.US_ASCII);
        return file;
    }

    private StateFilesRelink relinker() {
        return new StateFilesRelink(FileServerFolder.at(fileServer));
    }

    private static List<String> links(Path file) throws IOException {
        return JSON.readTree(file.toFile()).path("dataset_link_entries").findValuesAsText("link");
    }

    @Test
    void theExternalFileLinksUnderTheOldPrefixMoveAndEverythingElseStaysAsTheSdkWroteIt() throws IOException {
        Path images = dataset(
                "vision",
                "images",
                "a1",
                OLD + "/raw/f0.csv",
                "s3://old-bucket-2/raw/f1.csv",
                OLD + "/raw/f2.csv",
                NEW + "/raw/f3.csv");
        Path local = dataset("vision", "local", "b2");
        JsonNode before = JSON.readTree(images.toFile());

        StateFilesReport report = relinker().relink("m1", OLD, NEW, false);

        assertThat(report.files()).isEqualTo(2);
        assertThat(report.changed()).isEqualTo(1);
        assertThat(report.links()).isEqualTo(2);
        assertThat(report.already()).isEqualTo(1);
        assertThat(report.problems()).isEmpty();
        assertThat(links(images))
                .containsExactly(
                        NEW + "/raw/f0.csv", "s3://old-bucket-2/raw/f1.csv", NEW + "/raw/f2.csv", NEW + "/raw/f3.csv");
        ObjectNode after = (ObjectNode) JSON.readTree(images.toFile());
        JsonNode afterButLinks = after.deepCopy().without("dataset_link_entries");
        JsonNode beforeButLinks = ((ObjectNode) before.deepCopy()).without("dataset_link_entries");
        assertThat(afterButLinks).isEqualTo(beforeButLinks);
        assertThat(after.path("dataset_link_entries")
                        .get(0)
                        .path("relative_path")
                        .asText())
                .isEqualTo("raw/f0.csv");
        // Python's json.load reads the file in the platform's encoding: the café stays escaped, as json.dumps wrote it.
        assertThat(Files.readString(images, StandardCharsets.ISO_8859_1))
                .contains("caf\\u00e9")
                .matches("\\p{ASCII}*");
        assertThat(report.relinkLines().get(0))
                .isEqualTo("Dataset state files under " + fileServer.toAbsolutePath() + ": 2 read, 2 external-file"
                        + " links in 1 of them changed, 1 already held the new prefix.");
        assertThat(links(local)).isEmpty();
    }

    @Test
    void onlyTheLinkEntriesLinksChangeAndEveryOtherByteStays() throws IOException {
        Path file = dataset("vision", "odd", "e5");
        // As the SDK writes it (json.dumps, sorted keys, an indent of 4), with what a relink must not touch.
        String written = "{\n    \"after\": {\"link\": \"" + OLD + "/after.csv\"},\n"
                + "    \"dataset_file_entries\": [{\"link\": \"" + OLD + "/held.csv\"}],\n"
                + "    \"dataset_link_entries\": [\n        {\n            \"link\": \"" + OLD + "/a%20b.csv\",\n"
                + "            \"size\": [1, {\"link\": \"" + OLD + "/deep.csv\"}]\n        },\n"
                + "        {\"link\": null},\n        {\"link\": \"" + OLD + "/caf\\u00e9.csv\"}\n    ],\n"
                + "    \"link\": \"" + OLD + "/top.csv\",\n"
                + "    \"meta\": {\"dataset_link_entries\": [{\"link\": \"" + OLD + "/meta.csv\"}]},\n"
                + "    \"ratio\": 1.10,\n    \"total_size\": 12345678901234567890\n}";
        Files.writeString(file, written);

        StateFilesReport report = relinker().relink("m1", OLD, NEW, false);

        assertThat(report.links()).isEqualTo(2);
        assertThat(Files.readString(file))
                .isEqualTo(written.replace(OLD + "/a%20b.csv", NEW + "/a%20b.csv")
                        .replace(OLD + "/caf\\u00e9.csv", NEW + "/caf\\u00e9.csv"));
    }

    @Test
    void aRewrittenLinkIsWrittenAsPythonsJsonDumpsWritesIt() {
        // json.dumps('a"b\\c\né\x7f') in Python 3
        assertThat(DatasetStateLinks.pythonJsonString("a\"b\\c\n\u00e9\u007f"))
                .isEqualTo("\"a\\\"b\\\\c\\n\\u00e9\\u007f\"");
    }

    @Test
    void aDryRunCountsWhatWouldChangeAndWritesNothing() throws IOException {
        Path images = dataset("vision", "images", "a1", OLD + "/raw/f0.csv");
        byte[] before = Files.readAllBytes(images);

        StateFilesReport report = relinker().relink("m1", OLD, NEW, true);

        assertThat(report.links()).isEqualTo(1);
        assertThat(report.relinkLines().get(0)).contains("1 external-file links in 1 of them would change");
        assertThat(Files.readAllBytes(images)).isEqualTo(before);
        assertThat(fileServer.resolve(FileServerFolder.JOURNALS)).doesNotExist();
    }

    @Test
    void theSameRelinkRunAgainChangesNothingAndDoesNotTakeTheKeptOriginalsForStateFiles() throws IOException {
        Path images = dataset("vision", "images", "a1", OLD + "/raw/f0.csv", OLD + "/raw/f1.csv");
        relinker().relink("m1", OLD, NEW, false);
        byte[] relinked = Files.readAllBytes(images);

        StateFilesReport again = relinker().relink("m2", OLD, NEW, false);

        assertThat(again.files()).isEqualTo(1);
        assertThat(again.changed()).isZero();
        assertThat(again.already()).isEqualTo(2);
        assertThat(Files.readAllBytes(images)).isEqualTo(relinked);
    }

    @Test
    void undoPutsBackTheOriginalBytesAndLeavesAFileWrittenSinceNamingIt() throws IOException {
        Path images = dataset("vision", "images", "a1", OLD + "/raw/f0.csv");
        Path texts = dataset("nlp", "texts", "c3", OLD + "/corpus/a.txt");
        byte[] imagesBefore = Files.readAllBytes(images);
        relinker().relink("m1", OLD, NEW, false);
        Files.writeString(texts, Files.readString(texts).replace("\"dirty\": false", "\"dirty\": true"));
        byte[] textsWrittenSince = Files.readAllBytes(texts);

        StateFilesReport undo = relinker().undo("m1");

        assertThat(Files.readAllBytes(images)).isEqualTo(imagesBefore);
        assertThat(Files.readAllBytes(texts)).isEqualTo(textsWrittenSince);
        assertThat(undo.files()).isEqualTo(2);
        assertThat(undo.changed()).isEqualTo(1);
        assertThat(undo.problems())
                .containsExactly("nlp/.datasets/texts/texts.c3/artifacts/state/state.json: changed since the relink"
                        + " (the dataset was written again?)");
        assertThat(undo.undoLines().get(0)).endsWith(": 1 of the 2 the relink changed restored.");
    }

    @Test
    void aStateFileWrittenWhileItIsRelinkedKeepsThatWriteAndIsNamed() throws IOException {
        Path images = dataset("vision", "images", "a1", OLD + "/raw/f0.csv");
        String written = "{\"dataset_link_entries\": [{\"link\": \"" + OLD + "/raw/new.csv\"}], \"dirty\": true}";
        StateFilesRelink relinker = new StateFilesRelink(new FileServerFolder(fileServer.toAbsolutePath(), file -> {
            try {
                Files.writeString(file, written); // ClearML, still running, saves the dataset again
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));

        StateFilesReport report = relinker.relink("m1", OLD, NEW, false);

        assertThat(Files.readString(images)).isEqualTo(written);
        assertThat(report.changed()).isZero();
        assertThat(report.problems())
                .containsExactly("vision/.datasets/images/images.a1/artifacts/state/state.json: written while it was"
                        + " relinked (is ClearML still running?); left as it is, run the relink again");
        assertThat(relinker().undo("m1").files()).isZero();
        try (var left = Files.list(images.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("state.json");
        }
    }

    @Test
    void aSecondUndoFindsTheFilesRestoredAlready() throws IOException {
        Path images = dataset("vision", "images", "a1", OLD + "/raw/f0.csv");
        byte[] before = Files.readAllBytes(images);
        relinker().relink("m1", OLD, NEW, false);
        relinker().undo("m1");

        StateFilesReport again = relinker().undo("m1");

        assertThat(again.changed()).isZero();
        assertThat(again.already()).isEqualTo(1);
        assertThat(again.problems()).isEmpty();
        assertThat(Files.readAllBytes(images)).isEqualTo(before);
    }

    @Test
    void anUndoOfARelinkThatChangedNoStateFileSaysSo() throws IOException {
        dataset("vision", "images", "a1", "s3://elsewhere/raw/f0.csv");
        relinker().relink("m1", OLD, NEW, false);

        StateFilesReport undo = relinker().undo("m1");

        assertThat(undo.files()).isZero();
        assertThat(undo.undoLines())
                .containsExactly(
                        "Dataset state files: the relink changed none under " + fileServer.toAbsolutePath() + ".");
    }

    @Test
    void aStateFileThatIsNotJsonIsNamedAndTheOthersAreRelinked() throws IOException {
        Path broken = dataset("vision", "broken", "d4");
        Files.writeString(broken, "{\"dataset_link_entries\": [");
        Path images = dataset("vision", "images", "a1", OLD + "/raw/f0.csv");

        StateFilesReport report = relinker().relink("m1", OLD, NEW, false);

        assertThat(links(images)).containsExactly(NEW + "/raw/f0.csv");
        assertThat(report.problems()).hasSize(1);
        assertThat(report.problems().get(0))
                .startsWith("vision/.datasets/broken/broken.d4/artifacts/state/state.json: not JSON");
        assertThat(report.relinkLines()).anyMatch(line -> line.startsWith("  Left as it is: vision/.datasets/broken"));
    }

    @Test
    void aRelinkedFileKeepsItsPermissions() throws IOException {
        Path images = dataset("vision", "images", "a1", OLD + "/raw/f0.csv");
        Files.setPosixFilePermissions(images, PosixFilePermissions.fromString("rw-r-----"));

        relinker().relink("m1", OLD, NEW, false);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(images)))
                .isEqualTo("rw-r-----");
        try (var left = Files.list(images.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("state.json");
        }
    }

    @Test
    void theCensusCountsTheLinksByOriginMostLinkedFirstAndNamesWhatItCannotRead() throws IOException {
        dataset("vision", "images", "a1", OLD + "/raw/f0.csv", OLD + "/raw/f1.csv", "http://10.0.0.5:8081/x/y.png");
        dataset("nlp", "texts", "c3", OLD + "/corpus/a.txt");
        Files.writeString(dataset("vision", "broken", "d4"), "not json");

        StateFilesCensus census = relinker().census();

        assertThat(census.files()).isEqualTo(3);
        assertThat(census.origins()).containsOnly(entry(OLD, 3L), entry("http://10.0.0.5:8081", 1L));
        assertThat(census.lines())
                .containsExactly(
                        "Dataset state files under " + fileServer.toAbsolutePath() + ": 3 read; their external-file"
                                + " links start with (relink them with --fileserver-folder "
                                + fileServer.toAbsolutePath() + "):",
                        String.format("  %-48s %,d", OLD, 3),
                        String.format("  %-48s %,d", "http://10.0.0.5:8081", 1),
                        census.lines().get(3));
        assertThat(census.lines().get(3))
                .startsWith("  Not read: vision/.datasets/broken/broken.d4/artifacts/state/state.json: not JSON");
    }

    @Test
    void anOriginLongerThanTheCountsColumnIsPrintedWholeAndTheCountsStayInOneColumn() throws IOException {
        String azure = "azure://clearmlartifactsprod.blob.core.windows.net/datasets-2024";
        dataset("vision", "images", "a1", azure + "/raw/f0.csv", azure + "/raw/f1.csv", OLD + "/raw/f2.csv");

        List<String> origins = relinker().census().lines().subList(1, 3);

        assertThat(origins)
                .containsExactly("  " + azure + " 2", "  " + OLD + " ".repeat(azure.length() - OLD.length()) + " 1");
    }

    @Test
    void aFolderWithNoStateFilesAsksWhetherItIsTheFileServers() {
        StateFilesReport report = relinker().relink("m1", OLD, NEW, false);

        assertThat(report.relinkLines().get(0))
                .startsWith("Dataset state files: none under " + fileServer.toAbsolutePath())
                .endsWith("is it the file server's data folder?).");
    }

    @Test
    void whatCouldNotBeLookedIntoIsSaidEvenWhenNoStateFileWasFound() {
        StateFilesReport report = new StateFilesReport(
                FileServerFolder.at(fileServer).description(),
                0,
                0,
                0,
                0,
                List.of("vision: could not be looked into (AccessDeniedException; run the command as the folder's"
                        + " owner, or with sudo)"),
                false);

        assertThat(report.relinkLines().subList(1, 3))
                .containsExactly(
                        "  The same relink again relinks the files below once their cause is mended; what this one"
                                + " changed is then counted as holding the new prefix.",
                        "  Left as it is: vision: could not be looked into (AccessDeniedException; run the command"
                                + " as the folder's owner, or with sudo)");
        assertThat(report.relinkLines()).hasSize(3);
    }

    /** A dry run changes nothing to do again, and an undo again leaves a file written since all the same. */
    @Test
    void onlyARelinkThatLeftFilesSaysToRunItAgain() throws IOException {
        dataset("vision", "images", "a1", OLD + "/raw/f0.csv");
        Files.writeString(dataset("vision", "broken", "d4"), "not json");

        StateFilesReport dryRun = relinker().relink("m1", OLD, NEW, true);
        StateFilesReport relinked = relinker().relink("m2", OLD, NEW, false);
        StateFilesReport undone = relinker().undo("m2");

        String again = "  The same relink again relinks the files below once their cause is mended; what this one"
                + " changed is then counted as holding the new prefix.";
        assertThat(dryRun.problems()).hasSize(1);
        assertThat(dryRun.relinkLines()).doesNotContain(again);
        assertThat(relinked.relinkLines()).contains(again);
        assertThat(undone.undoLines()).doesNotContain(again);
    }

    @Test
    void aFolderThatIsNotThereIsRefusedWithWhatToGive() {
        assertThatThrownBy(() -> FileServerFolder.at(fileServer.resolve("fileserver")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No folder " + fileServer.resolve("fileserver").toAbsolutePath() + ". Give the file"
                        + " server's data folder, where ClearML keeps uploaded files (/opt/clearml/data/fileserver by"
                        + " default).");
    }
}
