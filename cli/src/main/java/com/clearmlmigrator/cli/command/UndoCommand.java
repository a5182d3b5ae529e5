package com.clearmlmigrator.cli.command;

import java.util.List;
import java.util.Optional;
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
            Optional<String> undo = places.isEmpty() ? Optional.empty() : succeededUndo(client);
            if (undo.isPresent()) {
                // An undo given no place restored the stores; the state files are what is left to restore.
                spec.commandLine().getErr().println(refused.getMessage());
                List<StateFilesReport> files = places.stream()
                        .map(place -> restoreStateFiles(place, client, undo.get()))
                        .toList();
                return StateFileOptions.exitCode(ExitCode.SUCCEEDED, files);
            }
            places.forEach(StateFilePlace::close);
            throw refused;
        }
        List<StateFilesReport> files = new CopyOnWriteArrayList<>();
        // The relink's state files, restored here while the planner restores the stores: the places are reached from
        // this host.
        String undoId = accepted.path("id").asText();
        Runnable restoreStateFiles = () -> places.forEach(place -> files.add(restoreStateFiles(place, client, undoId)));
        int code = MigrationRun.started(spec, client, accepted, follow.detach, planner.local(), restoreStateFiles);
        return StateFileOptions.exitCode(code, files);
    }

    /** @param undoId the undo migration that the planner is told of it on */
    private StateFilesReport restoreStateFiles(StateFilePlace place, PlannerClient client, String undoId) {
        try (place) {
            StateFileOptions.tellBegun(client, undoId, place, false);
            StateFilesReport report = new StateFilesRelink(place).undo(id);
            StateFileOptions.print(spec, follow.detach, report.undoLines());
            StateFileOptions.tell(spec, follow.detach, client, undoId, report);
            return report;
        }
    }

    /** The undo of the relink that succeeded before, if one did: the stores hold their values again. */
    private Optional<String> succeededUndo(PlannerClient client) {
        return StreamSupport.stream(client.migrations().spliterator(), false)
                .filter(migration ->
                        id.equals(migration.path("relink").path("undoOf").asText())
                                && migration.path("status").asText().equals("SUCCEEDED"))
                .map(migration -> migration.path("id").asText())
                .findFirst();
    }
}
