package com.clearmlmigrator.cli.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderBackupTest {
    private static final BackupProgress QUIET = new BackupProgress(new PrintWriter(Writer.nullWriter()), Instant::now);

    @TempDir
    Path temp;

    /** A folder of hundreds of gigabytes takes an hour to back up: the operator sees it move. */
    @Test
    void saysHowMuchIsCopiedAndThenCheckedEveryTenSeconds() throws IOException {
        Path source = DataFolderFixtures.elastic5(temp.resolve("elastic"), 5_061_699L);
        Files.write(source.resolve("nodes/0/indices/uuid0/0.data"), new byte[3 << 20]);
        StringWriter said = new StringWriter();
        Instant[] now = {Instant.parse("2026-12-05T15:00:00Z")};
        // Each look at the clock finds it 4 s on: a line every third megabyte.
        BackupProgress progress = new BackupProgress(new PrintWriter(said), () -> now[0] = now[0].plusSeconds(4));

        FolderBackup.of(source, temp.resolve("elastic_backup"), progress);

        assertThat(said.toString().lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("  copied 3.0 MB of 3.0 MB (")
                        .contains("%) at "))
                .anySatisfy(line -> assertThat(line).startsWith("  checked ").contains(" of 3.0 MB ("));
    }

    @Test
    void aProgressLineGivesTheRateAndTheTimeLeft() {
        assertThat(BackupProgress.line("copied", 12L << 30, 40L << 30, Duration.ofSeconds(60)))
                .isEqualTo("  copied 12.0 GB of 40.0 GB (30%) at 204.8 MB/s; about 2 min left");
        assertThat(BackupProgress.line("checked", 39L << 30, 40L << 30, Duration.ofSeconds(390)))
                .isEqualTo("  checked 39.0 GB of 40.0 GB (97%) at 102.4 MB/s; about 10 s left");
    }

    @Test
    void copiesEveryFileAndListsItsChecksumAsSha256sumReadsThem() throws IOException {
        Path source = DataFolderFixtures.elastic5(temp.resolve("elastic"), 5_061_699L);
        Files.writeString(source.resolve("nodes/0/indices/uuid0/0.data"), "x".repeat(10_000));

        FolderBackup.Backup backup = FolderBackup.of(source, temp.resolve("elastic_backup"), QUIET);

        assertThat(backup.files()).isEqualTo(5);
        assertThat(backup.bytes()).isEqualTo(new ElasticDataFolder(source).bytes());
        assertThat(Files.readString(backup.folder().resolve("nodes/0/indices/uuid0/0.data")))
                .isEqualTo("x".repeat(10_000));
        assertThat(backup.manifest()).hasFileName("elastic_backup.sha256");
        assertThat(Files.readAllLines(backup.manifest()))
                .hasSize(5)
                .allMatch(line -> line.matches("[0-9a-f]{64}  nodes/0/.+"));
    }

    @Test
    void aCopyThatDiffersFromTheManifestIsAnError() throws IOException {
        Path source = DataFolderFixtures.elastic5(temp.resolve("elastic"), 5_061_699L);
        FolderBackup.Backup backup = FolderBackup.of(source, temp.resolve("elastic_backup"), QUIET);
        List<String> manifest = Files.readAllLines(backup.manifest());
        Files.writeString(backup.folder().resolve("nodes/0/_state/node-0.st"), "changed");

        assertThatThrownBy(() -> FolderBackup.verify(backup.folder(), manifest, QUIET))
                .hasMessageContaining("node-0.st")
                .hasMessageContaining("does not match");
    }

    @Test
    void anExistingBackupFolderIsNeverWrittenInto() throws IOException {
        Path source = DataFolderFixtures.elastic5(temp.resolve("elastic"), 5_061_699L);
        Path taken = Files.createDirectories(temp.resolve("elastic_backup"));

        assertThatThrownBy(() -> FolderBackup.of(source, taken, QUIET)).hasMessageContaining("exists already");
    }
}
