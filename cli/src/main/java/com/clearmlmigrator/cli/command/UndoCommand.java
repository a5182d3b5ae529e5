package com.clearmlmigrator.cli.command;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.cli.files.FileServerFolder;
import com.clearmlmigrator.cli.files.StateFilesRelink;
import com.clearmlmigrator.cli.files.StateFilesReport;
import com.clearmlmigrator.cli.planner.PlannerClient;
import com.clearmlmigrator.cli.planner.PlannerException;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "undo",
        description = "Restores every value a finished relink changed, from its journal, as a new migration.")
public class UndoCommand extends AgainCommand {
    @Mixin
    FileServerOptions fileServer;

    @Override
    JsonNode send(PlannerClient client, String id, JsonNode connections) {
        return client.undo(id, connections);
    }

    @Override
    public Integer call() {
        Optional<FileServerFolder> folder = fileServer.folder(spec);
        if (folder.isEmpty()) {
            FileServerOptions.forgottenFolder(id, FileServerOptions.USUAL_FOLDERS)
                    .ifPresent(spec.commandLine().getErr()::println);
        }
        PlannerClient client = planner.client();
        JsonNode accepted;
        try {
            accepted = send(client, id, again.body());
        } catch (PlannerException refused) {
            if (folder.isPresent() && undoneAlready(client)) {
                // An undo given no folder restored the stores; the state files are what is left to restore.
                spec.commandLine().getErr().println(refused.getMessage());
                StateFilesReport files = restoreStateFiles(folder.get());
                return FileServerOptions.exitCode(ExitCode.SUCCEEDED, files);
            }
            throw refused;
        }
        AtomicReference<StateFilesReport> files = new AtomicReference<>();
        // The relink's state files, restored here while the planner restores the stores: the folder is on this host.
        Runnable restoreStateFiles = () -> folder.ifPresent(f -> files.set(restoreStateFiles(f)));
        int code = MigrationRun.started(spec, client, accepted, follow.detach, planner.local(), restoreStateFiles);
        return FileServerOptions.exitCode(code, files.get());
    }

    private StateFilesReport restoreStateFiles(FileServerFolder folder) {
        StateFilesReport report = new StateFilesRelink(folder).undo(id);
        FileServerOptions.print(spec, follow.detach, report.undoLines());
        return report;
    }

    /** Whether an undo of the relink succeeded before: the stores hold their values again. */
    private boolean undoneAlready(PlannerClient client) {
        return StreamSupport.stream(client.migrations().spliterator(), false)
                .anyMatch(migration ->
                        id.equals(migration.path("relink").path("undoOf").asText())
                                && migration.path("status").asText().equals("SUCCEEDED"));
    }
}
