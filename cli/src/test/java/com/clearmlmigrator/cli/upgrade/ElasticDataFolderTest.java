package com.clearmlmigrator.cli.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticDataFolderTest {
    @TempDir
    Path temp;

    @Test
    void aFiveFolderIsTheNewestReleaseThatCreatedOneOfItsIndicesInTheNewestStateGeneration() throws IOException {
        Path folder = DataFolderFixtures.elastic5(temp.resolve("elastic"), 5_040_399L, 5_061_699L);

        assertThat(new ElasticDataFolder(folder).version()).contains(new ElasticVersion(5, 6, 16));
    }

    @Test
    void sevenAndEightFoldersSayTheirNodesVersionInTheirOwnLayouts() throws IOException {
        Path seven = DataFolderFixtures.elastic7(temp.resolve("seven"), 7_171_899L);
        Path eight = DataFolderFixtures.elastic8(temp.resolve("eight"), 8_190_999L);

        assertThat(new ElasticDataFolder(seven).version()).contains(new ElasticVersion(7, 17, 18));
        assertThat(new ElasticDataFolder(eight).version()).contains(new ElasticVersion(8, 19, 9));
        assertThat(new ElasticDataFolder(eight).nodeFolder()).contains(eight);
    }

    @Test
    void aFolderWithoutStateHasNoVersionAndAnEmptyOneIsEmpty() throws IOException {
        Path plain = Files.createDirectories(temp.resolve("plain/some"));

        assertThat(new ElasticDataFolder(plain.getParent()).version()).isEmpty();
        assertThat(new ElasticDataFolder(plain.getParent()).isEmpty()).isFalse();
        assertThat(new ElasticDataFolder(plain).isEmpty()).isTrue();
        assertThat(new ElasticDataFolder(temp.resolve("absent")).isEmpty()).isTrue();
    }

    @Test
    void theNodeLockIsHeldOnlyWhileANodeHoldsIt() throws IOException {
        Path folder = DataFolderFixtures.elastic7(temp.resolve("seven"), 7_100_299L);
        Path lockFile = folder.resolve("nodes/0/node.lock");
        ElasticDataFolder data = new ElasticDataFolder(folder);

        assertThat(data.heldLock()).as("a lock file a stopped node left").isEmpty();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            assertThat(data.heldLock()).contains(lockFile);
        }
        assertThat(data.heldLock()).isEmpty();
    }

    @Test
    void versionIdsReadAsElasticsearchWritesThem() {
        assertThat(ElasticVersion.ofId(5_061_699L)).hasToString("5.6.16");
        assertThat(ElasticVersion.ofId(7_100_299L)).isEqualTo(new ElasticVersion(7, 10, 2));
        assertThat(ElasticVersion.ofId(7_171_899L)).isGreaterThan(ElasticVersion.ofId(7_100_299L));
        assertThat(ElasticVersion.ofId(7_172_999L)).isGreaterThan(ElasticVersion.newestReadable(7));
    }
}
