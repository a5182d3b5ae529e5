package com.clearmlmigrator.cli.command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.cli.files.FileServerFolder;
import com.clearmlmigrator.cli.files.StateFilesReport;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The file server's data folder on this host, for the part of a relink that lies outside the databases. */
public class FileServerOptions {
    @Option(
            names = "--fileserver-folder",
            paramLabel = "DIR",
            description = "The ClearML file server's data folder on this host (/opt/clearml/data/fileserver by"
                    + " default). The dataset state files in it (state.json) hold the links of files added with"
                    + " add_external_files, in no database: with this, `relink` rewrites them too (their originals"
                    + " kept), `undo` restores them and `inspect` counts where their links point.")
    Path folder;

    /** Where ClearML's compose keeps the file server's files (trains-server's before it). */
    static final List<Path> USUAL_FOLDERS =
            List.of(Path.of("/opt/clearml/data/fileserver"), Path.of("/opt/trains/data/fileserver"));

    /**
     * A sentence for an undo given no folder, when one of {@code folders} holds state files that relink changed: they
     * are restored only with the folder.
     */
    static Optional<String> forgottenFolder(String relinkId, List<Path> folders) {
        return folders.stream()
                .filter(root -> FileServerFolder.hasJournal(root, relinkId))
                .findFirst()
                .map(root -> "Note: relink " + relinkId + " also changed dataset state files under " + root
                        + "; add --fileserver-folder " + root + " to restore them too.");
    }

    /**
     * A note for a relink or an inspection given no folder, on a host where one of {@code folders} is: the operator
     * most likely runs it beside ClearML, whose datasets' state files are then within reach.
     */
    static Optional<String> folderNotGiven(List<Path> folders) {
        return folders.stream()
                .filter(Files::isDirectory)
                .findFirst()
                .map(root -> "Note: ClearML's file server keeps its files in " + root + " on this host; add"
                        + " --fileserver-folder " + root + " to take in the links in its datasets' state files too.");
    }

    /** The folder, checked before anything is submitted; empty when not given. */
    Optional<FileServerFolder> folder(CommandSpec spec) {
        if (folder == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileServerFolder.at(folder));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Said before the folder is looked through: a file server's folder of millions of files takes a while. */
    static void announce(CommandSpec spec, boolean detached, FileServerFolder folder) {
        print(spec, detached, List.of("Looking through " + folder.root() + " for dataset state files..."));
    }

    /**
     * Prints what the state files' part did: on standard error when detached, whose standard output is the id alone.
     */
    static void print(CommandSpec spec, boolean detached, List<String> lines) {
        PrintWriter to =
                detached ? spec.commandLine().getErr() : spec.commandLine().getOut();
        lines.forEach(to::println);
        to.flush();
    }

    /**
     * A migration that went well, with state files left as they were, did not do all it was asked.
     *
     * @param files what was done in the folder; null when no folder was given
     */
    static int exitCode(int migration, StateFilesReport files) {
        return migration == ExitCode.SUCCEEDED
                        && files != null
                        && !files.problems().isEmpty()
                ? ExitCode.COMPLETED_WITH_ERRORS
                : migration;
    }
}
