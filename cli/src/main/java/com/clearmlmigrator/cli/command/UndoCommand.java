package com.clearmlmigrator.cli.command;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.clearmlmigrator.cli.files.FileServerFolder;
import com.clearmlmigrator.cli.files.StateFilesRelink;
import com.clearmlmigrator.cli.files.StateFilesReport;
import com.clearmlmigrator.cli.planner.PlannerClient;
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
        JsonNode accepted = send(client, id, again.body());
        AtomicReference<StateFilesReport> files = new AtomicReference<>();
        // The relink's state files, restored here while the planner restores the stores: the folder is on this host.
        Runnable restoreStateFiles = () -> folder.ifPresent(f -> {
            files.set(new StateFilesRelink(f).undo(id));
            FileServerOptions.print(spec, follow.detach, files.get().undoLines());
        });
        int code = MigrationRun.started(spec, client, accepted, follow.detach, planner.local(), restoreStateFiles);
        return FileServerOptions.exitCode(code, files.get());
    }
}
