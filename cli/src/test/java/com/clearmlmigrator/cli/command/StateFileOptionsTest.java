package com.clearmlmigrator.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileOptionsTest {
    @Test
    void anUndoGivenNoFolderIsToldWhereItsRelinkChangedStateFiles(@TempDir Path clearml, @TempDir Path trains)
            throws IOException {
        Files.createDirectories(trains.resolve(".clearml-migrator/relink-r1/originals"));

        assertThat(StateFileOptions.forgottenFolder("r1", List.of(clearml, trains)))
                .hasValue("Note: relink r1 also changed dataset state files under " + trains
                        + "; add --fileserver-folder " + trains + " to restore them too.");
        assertThat(StateFileOptions.forgottenFolder("r2", List.of(clearml, trains)))
                .isEmpty();
    }

    @Test
    void aCommandGivenNoFolderOnAHostWithClearmlsFileServerFolderIsToldOfIt(@TempDir Path host) throws IOException {
        Path clearml = host.resolve("opt/clearml/data/fileserver");
        Path trains = host.resolve("opt/trains/data/fileserver");

        assertThat(StateFileOptions.folderNotGiven(List.of(clearml, trains))).isEmpty();

        Files.createDirectories(trains);

        assertThat(StateFileOptions.folderNotGiven(List.of(clearml, trains)))
                .hasValue("Note: ClearML's file server keeps its files in " + trains + " on this host; add"
                        + " --fileserver-folder " + trains + " to take in the links in its datasets' state files too.");
    }
}
