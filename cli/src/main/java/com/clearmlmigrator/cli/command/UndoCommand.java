package com.clearmlmigrator.cli.command;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;

import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.cli.files.StateFilePlace;
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
    StateFileOptions stateFiles;

    @Override
    JsonNode send(PlannerClient client, String id, JsonNode connections) {
        return client.undo(id, connections);
    }

    @Override
    public Integer call() {
        List<StateFilePlace> places = stateFiles.places(spec);
        if (!stateFiles.folderGiven()) {
            StateFileOptions.forgottenFolder(id, StateFileOptions.USUAL_FOLDERS)
                    .ifPresent(spec.commandLine().getErr()::println);
        }
        PlannerClient client = planner.client();
        JsonNode accepted;
        try {
            accepted = send(client, id, again.body());
        } catch (PlannerException refused) {
            if (!places.isEmpty() && undoneAlready(client)) {
                // An undo given no place restored the stores; the state files are what is left to restore.
                spec.commandLine().getErr().println(refused.getMessage());
                List<StateFilesReport> files =
                        places.stream().map(this::restoreStateFiles).toList();
                return StateFileOptions.exitCode(ExitCode.SUCCEEDED, files);
            }
            places.forEach(StateFilePlace::close);
            throw refused;
        }
        List<StateFilesReport> files = new CopyOnWriteArrayList<>();
        // The relink's state files, restored here while the planner restores the stores: the places are reached from
        // this host.
        Runnable restoreStateFiles = () -> places.forEach(place -> files.add(restoreStateFiles(place)));
        int code = MigrationRun.started(spec, client, accepted, follow.detach, planner.local(), restoreStateFiles);
        return StateFileOptions.exitCode(code, files);
    }

    private StateFilesReport restoreStateFiles(StateFilePlace place) {
        try (place) {
            StateFilesReport report = new StateFilesRelink(place).undo(id);
            StateFileOptions.print(spec, follow.detach, report.undoLines());
            return report;
        }
    }

    /** Whether an undo of the relink succeeded before: the stores hold their values again. */
    private boolean undoneAlready(PlannerClient client) {
        return StreamSupport.stream(client.migrations().spliterator(), false)
                .anyMatch(migration ->
                        id.equals(migration.path("relink").path("undoOf").asText())
                                && migration.path("status").asText().equals("SUCCEEDED"));
    }
}
