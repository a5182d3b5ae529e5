package com.clearmlmigrator.cli.command;

import java.util.List;

import com.clearmlmigrator.cli.files.StateFilePlace;
import com.clearmlmigrator.cli.files.StateFilesCensus;
import com.clearmlmigrator.cli.files.StateFilesRelink;
import com.clearmlmigrator.cli.planner.PlannerClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/** The pre-flight look: what a relink or a copy would meet. */
@Command(
        name = "inspect",
        description = "Counts, sizes, versions and data shapes of every ClearML collection and index; writes nothing.")
public class InspectCommand extends StartingCommand {
    @Mixin
    StoreOptions stores;

    @Mixin
    StateFileOptions stateFiles;

    @Override
    public Integer call() {
        if (!stores.hasAny()) {
            throw new ParameterException(spec.commandLine(), "Give --mongo, --elastic or both.");
        }
        List<StateFilePlace> places = stateFiles.places(spec);
        if (!stateFiles.folderGiven()) {
            StateFileOptions.folderNotGiven(StateFileOptions.USUAL_FOLDERS)
                    .ifPresent(spec.commandLine().getErr()::println);
        }
        ObjectNode request = PlannerClient.JSON.createObjectNode().put("kind", "inspect");
        stores.addTo(request);
        PlannerClient client = planner.client();
        // The state files' census, taken here while the planner inspects the stores: the places are reached from this
        // host.
        JsonNode accepted = client.submit(request);
        String migrationId = accepted.path("id").asText();
        Runnable countStateFiles = () -> places.forEach(place -> {
            try (place) {
                StateFileOptions.announce(spec, follow.detach(), place);
                StateFilesCensus census = new StateFilesRelink(place).census();
                StateFileOptions.print(spec, follow.detach(), census.lines());
                StateFileOptions.tell(spec, follow.detach(), client, migrationId, census.toOutcome());
            }
        });
        return MigrationRun.started(spec, client, accepted, follow.detach(), planner.local(), countStateFiles);
    }
}
