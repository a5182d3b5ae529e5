package com.clearmlmigrator.cli.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderBackupTest {
    @TempDir
    Path temp;

    @Test
    void copiesEveryFileAndListsItsChecksumAsSha256sumReadsThem() throws IOException {
        Path source = DataFolderFixtures.elastic5(temp.resolve("elastic"), 5_061_699L);
        Files.writeString(source.resolve("nodes/0/indices/uuid0/0.data"), "x".repeat(10_000));

        FolderBackup.Backup backup = FolderBackup.of(source, temp.resolve("elastic_backup"));

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
        FolderBackup.Backup backup = FolderBackup.of(source, temp.resolve("elastic_backup"));
        List<String> manifest = Files.readAllLines(backup.manifest());
        Files.writeString(backup.folder().resolve("nodes/0/_state/node-0.st"), "changed");

        assertThatThrownBy(() -> FolderBackup.verify(backup.folder(), manifest))
                .hasMessageContaining("node-0.st")
                .hasMessageContaining("does not match");
    }

    @Test
    void anExistingBackupFolderIsNeverWrittenInto() throws IOException {
        Path source = DataFolderFixtures.elastic5(temp.resolve("elastic"), 5_061_699L);
        Path taken = Files.createDirectories(temp.resolve("elastic_backup"));

        assertThatThrownBy(() -> FolderBackup.of(source, taken)).hasMessageContaining("exists already");
    }
}
