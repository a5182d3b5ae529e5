package com.clearmlmigrator.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileServerOptionsTest {
    @Test
    void anUndoGivenNoFolderIsToldWhereItsRelinkChangedStateFiles(@TempDir Path clearml, @TempDir Path trains)
            throws IOException {
        Files.createDirectories(trains.resolve(".clearml-migrator/relink-r1/originals"));

        assertThat(FileServerOptions.forgottenFolder("r1", List.of(clearml, trains)))
                .hasValue("Note: relink r1 also changed dataset state files under " + trains
                        + "; add --fileserver-folder " + trains + " to restore them too.");
        assertThat(FileServerOptions.forgottenFolder("r2", List.of(clearml, trains)))
                .isEmpty();
    }
}
