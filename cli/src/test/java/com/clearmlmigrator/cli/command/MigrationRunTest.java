package com.clearmlmigrator.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.cli.ClearmlMigrator;
import com.clearmlmigrator.cli.view.CliWording;

import picocli.CommandLine;

class MigrationRunTest {
    @Test
    void aMigrationWithErrorsNamesTheRetryThatReachesItsPlanner() {
        assertThat(MigrationRun.ending("m1", "COMPLETED_WITH_ERRORS", wordingOf("watch", "m1")))
                .isEqualTo("Migration m1 COMPLETED_WITH_ERRORS: `clearml-migrator retry m1` sends the failed tasks"
                        + " again.");
        // The local migrator stopped with the command: a retry without --local would find no planner.
        assertThat(MigrationRun.ending("m1", "PAUSED", wordingOf("watch", "m1", "--local")))
                .isEqualTo("Migration m1 PAUSED: lift the write block or free the disk, then `clearml-migrator retry m1"
                        + " --local`.");
    }

    /** upgrade-elastic's nodes stop with it: a retry has nothing to reach, and the upgrade says to run it again. */
    @Test
    void theCopyOfAnUpgradeOffersNoRetry() {
        assertThat(MigrationRun.ending("m1", "COMPLETED_WITH_ERRORS", wordingOf("upgrade-elastic")))
                .isEqualTo("Migration m1 COMPLETED_WITH_ERRORS.");
    }

    @Test
    void aMigrationThatSucceededNeedsNoNextStep() {
        assertThat(MigrationRun.ending("m1", "SUCCEEDED", wordingOf("watch", "m1", "--local")))
                .isEqualTo("Migration m1 SUCCEEDED.");
    }

    private static CliWording wordingOf(String command, String... args) {
        CommandLine line = ClearmlMigrator.commandLine();
        line.parseArgs(Stream.concat(Stream.of(command), Stream.of(args)).toArray(String[]::new));
        return CliWording.of(line.getSubcommands().get(command).getCommandSpec());
    }
}
