package com.clearmlmigrator.cli.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpgradePreflightTest {
    private static final long GB = 1L << 30;

    @TempDir
    Path temp;

    /** A host with this much free disk (one disk, or one per top folder) and memory. */
    private record Host(long free, boolean oneDisk, long memory) implements HostFacts {
        @Override
        public long freeBytes(Path path) {
            return free;
        }

        @Override
        public String fileSystem(Path path) {
            return oneDisk ? "disk" : path.getFileName().toString();
        }

        @Override
        public long availableMemory() {
            return memory;
        }
    }

    private UpgradeOptions options(Path source, Path target) {
        return new UpgradeOptions(source, target, true, Optional.empty(), Optional.empty(), "1g", 1, List.of());
    }

    @Test
    void aStoppedFiveFolderAndAFreeTargetMayStartAndGoTo7() throws IOException {
        Path source = DataFolderFixtures.elastic5(temp.resolve("elastic"), 5_061_699L);

        UpgradePreflight.Findings findings = new UpgradePreflight(new Host(100 * GB, true, 16 * GB))
                .check(options(source, temp.resolve("elastic_7")), false);

        assertThat(findings.problems()).isEmpty();
        assertThat(findings.version()).contains(ElasticVersion.READS_5);
        assertThat(findings.step()).contains(new UpgradeStep(ElasticVersion.READS_5, 7));
        assertThat(findings.sourceBytes()).isPositive();
    }

    @Test
    void aFolderAboveTheDataNamesTheDataFoldersInIt() throws IOException {
        Path clearmlData = Files.createDirectories(temp.resolve("data"));
        DataFolderFixtures.elastic5(clearmlData.resolve("elastic"), 5_061_699L);
        Files.createDirectories(clearmlData.resolve("fileserver/Vision"));
        UpgradePreflight preflight = new UpgradePreflight(new Host(100 * GB, true, 16 * GB));

        UpgradePreflight.Findings findings = preflight.check(options(clearmlData, temp.resolve("elastic_7")), false);

        assertThat(findings.problems())
                .singleElement()
                .asString()
                .contains(clearmlData + " holds no Elasticsearch data")
                .endsWith("give the old one with --source: " + clearmlData.resolve("elastic") + ".");
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertThat(preflight
                        .check(options(empty, temp.resolve("elastic_7")), false)
                        .problems())
                .singleElement()
                .asString()
                .endsWith("Give the folder mounted as /usr/share/elasticsearch/data with --source.");
    }

    @Test
    void aSourceThatIsMissingOrAFileIsNamedAsSuch() throws IOException {
        Path file = Files.writeString(temp.resolve("elastic.tar"), "not a folder");

        assertThat(onlyProblemWith(temp.resolve("gone"))).contains("gone does not exist.");
        assertThat(onlyProblemWith(file))
                .contains("elastic.tar is a file, not a folder.")
                .endsWith("with --source.");
    }

    private String onlyProblemWith(Path source) {
        List<String> problems = new UpgradePreflight(new Host(100 * GB, true, 16 * GB))
                .check(options(source, temp.resolve("elastic_7")), false)
                .problems();
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void everyProblemIsSaidAtOnceWithWhatToDo() throws IOException {
        Path source = DataFolderFixtures.elastic5(temp.resolve("elastic"), 5_061_699L);
        Path target = Files.createDirectories(temp.resolve("elastic_7/nodes"));
        try (FileChannel channel = FileChannel.open(source.resolve("nodes/0/node.lock"), StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            UpgradePreflight.Findings findings =
                    new UpgradePreflight(new Host(0, true, GB)).check(options(source, target.getParent()), false);

            assertThat(findings.problems())
                    .hasSize(4)
                    .anySatisfy(p -> assertThat(p).contains("still has").contains("Stop the old server first"))
                    .anySatisfy(p -> assertThat(p).contains("is not empty").contains("--target"))
                    .anySatisfy(
                            p -> assertThat(p).contains("Not enough free disk").contains("-n"))
                    .anySatisfy(p -> assertThat(p).contains("memory").contains("--heap"));
        }
    }

    @Test
    void aFolderANewerReleaseWroteThanOurNodeIsRefusedWithTheVersions() throws IOException {
        Path source = DataFolderFixtures.elastic7(temp.resolve("elastic_7"), 7_172_999L);

        UpgradePreflight.Findings findings = new UpgradePreflight(new Host(100 * GB, true, 16 * GB))
                .check(options(source, temp.resolve("elastic_8")), false);

        assertThat(findings.problems())
                .singleElement()
                .asString()
                .contains("7.17.29")
                .contains("7.17.18")
                .contains("copy-es");
    }

    @Test
    void everyClearmlFolderOfEs7IsOpenedByTheOldestNodeThatCan() throws IOException {
        UpgradePreflight preflight = new UpgradePreflight(new Host(100 * GB, true, 16 * GB));

        UpgradeStep clearml16 = stepFor(preflight, 7_171_899L);
        UpgradeStep helmChart = stepFor(preflight, 7_170_399L);
        UpgradeStep clearml016 = stepFor(preflight, 7_060_299L);

        assertThat(clearml16.read()).hasToString("7.17.18");
        assertThat(clearml16.to()).isEqualTo(8);
        assertThat(clearml16.readingRaisesFolderRelease()).isFalse();
        assertThat(helmChart.read()).hasToString("7.17.18");
        assertThat(helmChart.readingRaisesFolderRelease()).isTrue();
        assertThat(clearml016.read()).hasToString("7.6.2");
        assertThat(clearml016.readingRaisesFolderRelease()).isFalse();
    }

    private UpgradeStep stepFor(UpgradePreflight preflight, long versionId) throws IOException {
        Path source = DataFolderFixtures.elastic7(temp.resolve("elastic_" + versionId), versionId);
        UpgradePreflight.Findings findings = preflight.check(options(source, temp.resolve("new_" + versionId)), false);
        assertThat(findings.problems()).isEmpty();
        return findings.step().orElseThrow();
    }

    @Test
    void versionsTheOperatorGivesAreCheckedAgainstTheFolder() throws IOException {
        Path source = DataFolderFixtures.elastic7(temp.resolve("elastic_7"), 7_100_299L);
        UpgradePreflight preflight = new UpgradePreflight(new Host(100 * GB, true, 16 * GB));
        Path target = temp.resolve("elastic_8");

        UpgradeOptions wrongFrom =
                new UpgradeOptions(source, target, true, Optional.of(5), Optional.empty(), "1g", 1, List.of());
        UpgradeOptions sameVersion =
                new UpgradeOptions(source, target, true, Optional.empty(), Optional.of(7), "1g", 1, List.of());

        assertThat(preflight.check(wrongFrom, false).problems())
                .singleElement()
                .asString()
                .contains("--from-version 5")
                .contains("7.10.2");
        assertThat(preflight.check(sameVersion, false).problems())
                .singleElement()
                .asString()
                .contains("7 to 7 is not a step");
        assertThat(preflight.check(options(source, target), false).step())
                .contains(new UpgradeStep(new ElasticVersion(7, 10, 2), 8));
    }

    @Test
    void aTargetInsideTheSourceIsRefusedAndOneWeLeftUnfinishedIsTaken() throws IOException {
        Path source = DataFolderFixtures.elastic5(temp.resolve("elastic"), 5_061_699L);
        Path ours = Files.createDirectories(temp.resolve("elastic_7/nodes/0"));
        UpgradePreflight preflight = new UpgradePreflight(new Host(100 * GB, true, 16 * GB));

        assertThat(preflight
                        .check(options(source, source.resolve("new")), false)
                        .problems())
                .singleElement()
                .asString()
                .contains("must not hold one another");
        assertThat(preflight
                        .check(options(source, ours.getParent().getParent()), true)
                        .problems())
                .isEmpty();
    }

    @Test
    void onTwoDisksTheBackupAndTheCopyAreCountedEachOnItsOwn() throws IOException {
        Path source = DataFolderFixtures.elastic5(temp.resolve("elastic"), 5_061_699L);
        long bytes = new ElasticDataFolder(source).bytes();

        // Room for the backup or the copy, not for both: enough when they are on separate disks.
        Host twoDisks = new Host((long) (bytes * 1.5), false, 16 * GB);
        Host oneDisk = new Host((long) (bytes * 1.5), true, 16 * GB);

        assertThat(new UpgradePreflight(twoDisks)
                        .check(options(source, temp.resolve("elastic_7")), false)
                        .problems())
                .isEmpty();
        assertThat(new UpgradePreflight(oneDisk)
                        .check(options(source, temp.resolve("elastic_7")), false)
                        .problems())
                .singleElement()
                .asString()
                .contains("the backup and the copy");
    }
}
