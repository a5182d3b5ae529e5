package com.clearmlmigrator.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.clearmlmigrator.cli.files.StateFilePlace;
import com.clearmlmigrator.cli.files.StateFilesRelink;
import com.clearmlmigrator.cli.files.StateFilesReport;
import com.clearmlmigrator.cli.planner.PlannerClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** ClearML's {@code fix_fileserver_urls.py}, with its flags, for MongoDB and Elasticsearch at once. */
@Command(
        name = "relink",
        description = {
            "Rewrites every stored reference from one URL prefix to another: artifact and model URIs, output"
                    + " destinations, report links, debug-image URLs, URLs inside plots (compressed ones too).",
            "Takes the flags of ClearML's fix_fileserver_urls.py: --mongo-host, --elastic-host, --host-source,"
                    + " --host-target, --elastic-user, --elastic-password, --datasets.",
            "Every change is journaled: `clearml-migrator undo ID` restores what it changed."
        })
public class RelinkCommand extends StartingCommand {
    /** ClearML datasets keep their storage links in artifact previews and in their tasks' hyperparameters. */
    static final List<String> DATASET_GROUPS = List.of("artifact-previews", "hyperparams");

    static final String DATASETS_WITHOUT_FOLDER = "Note: the links of files added to datasets with add_external_files"
            + " are in the datasets' state files on the file server, not in the databases: add --fileserver-folder"
            + " /opt/clearml/data/fileserver (where this host has it) to relink them too.";

    @Mixin
    StoreOptions stores;

    @Mixin
    StateFileOptions stateFiles;

    @Option(
            names = {"--from", "--host-source"},
            required = true,
            paramLabel = "PREFIX",
            description = "The old prefix, for example http://old-host:8081 or s3://old-bucket. A bare host:port"
                    + " (ClearML's --host-source) means the file server's http://host:port.")
    String from;

    @Option(
            names = {"--to", "--host-target"},
            required = true,
            paramLabel = "PREFIX",
            description = "The new prefix; a bare host:port (ClearML's --host-target) means http://host:port.")
    String to;

    @Option(names = "--dry-run", description = "Count what would change; write nothing.")
    boolean dryRun;

    @Option(
            names = "--include",
            split = ",",
            paramLabel = "GROUP",
            description = "Opt-in fields: hyperparams, configuration, metadata, artifact-previews, logs,"
                    + " storage-settings (the server's bucket entries, kept with their credentials).")
    List<String> include = new ArrayList<>();

    @Option(
            names = "--datasets",
            description = "ClearML datasets too: their artifact previews and their tasks' hyperparameters (the same as"
                    + " --include artifact-previews,hyperparams). Their state files are on the file server, in no"
                    + " database: --fileserver-folder relinks them too.")
    boolean datasets;

    @Option(
            names = "--extra-field",
            paramLabel = "SPEC",
            description = "More fields: collection:field.path or index-pattern:field. Repeatable.")
    List<String> extraFields = new ArrayList<>();

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "Also write the Elasticsearch requests equivalent to this relink, as JSON, to FILE (what"
                    + " ClearML's script prints as cURL commands), for clusters the migrator cannot reach.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (!stores.hasAny()) {
            throw new ParameterException(spec.commandLine(), "Give --mongo, --elastic or both.");
        }
        List<StateFilePlace> places = stateFiles.places(spec);
        nestedPrefixNotice(Addresses.withScheme(from), Addresses.withScheme(to))
                .ifPresent(spec.commandLine().getErr()::println);
        if (!stateFiles.folderGiven()) {
            StateFileOptions.folderNotGiven(StateFileOptions.USUAL_FOLDERS)
                    .or(() -> datasets ? Optional.of(DATASETS_WITHOUT_FOLDER) : Optional.empty())
                    .ifPresent(spec.commandLine().getErr()::println);
        }
        PlannerClient client = planner.client();
        JsonNode accepted = client.submit(request());
        if (output != null) {
            JsonNode requests = client.elasticRequests(accepted.path("id").asText());
            Files.writeString(
                    output, PlannerClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(requests));
            spec.commandLine().getOut().println("Wrote the equivalent Elasticsearch requests to " + output + ".");
        }
        List<StateFilesReport> files = new CopyOnWriteArrayList<>();
        String migrationId = accepted.path("id").asText();
        // The state files' part, done here while the planner runs the rest: the places are reached from this host.
        Runnable relinkStateFiles =
                () -> places.forEach(place -> files.add(relinkStateFiles(place, client, migrationId)));
        int code = MigrationRun.started(spec, client, accepted, follow.detach, planner.local(), relinkStateFiles);
        return StateFileOptions.exitCode(code, files);
    }

    private StateFilesReport relinkStateFiles(StateFilePlace place, PlannerClient client, String migrationId) {
        try (place) {
            StateFileOptions.announce(spec, follow.detach, place);
            StateFileOptions.tellBegun(client, migrationId, place, dryRun);
            StateFilesReport report = new StateFilesRelink(place)
                    .relink(migrationId, Addresses.withScheme(from), Addresses.withScheme(to), dryRun);
            StateFileOptions.print(spec, follow.detach, report.relinkLines());
            StateFileOptions.tell(spec, follow.detach, client, migrationId, report);
            return report;
        }
    }

    /**
     * What to know when the new prefix extends the old one: values already under it count as relinked and stay as they
     * are, so the same relink run twice changes nothing. That is wrong only for old references that were under the new
     * prefix before, and moved with the rest; a relink of those alone, first, moves them.
     */
    static Optional<String> nestedPrefixNotice(String from, String to) {
        String oldBase = from.endsWith("/") ? from.substring(0, from.length() - 1) : from;
        String newBase = to.endsWith("/") ? to.substring(0, to.length() - 1) : to;
        if (newBase.length() <= oldBase.length()
                || !newBase.regionMatches(true, 0, oldBase, 0, oldBase.length())
                || newBase.charAt(oldBase.length()) != '/') {
            return Optional.empty();
        }
        String under = newBase.substring(oldBase.length() + 1);
        return Optional.of("Note: " + newBase + " extends " + oldBase + ", so values that already start with " + newBase
                + " count as relinked and are left alone (running this relink again changes nothing). If some of them"
                + " are old references that moved too (everything under " + oldBase + " went under " + under
                + "/), relink those first: --from " + newBase + " --to " + newBase + "/" + under + ".");
    }

    ObjectNode request() {
        ObjectNode request = PlannerClient.JSON.createObjectNode().put("kind", "relink");
        stores.addTo(request);
        request.put("from", Addresses.withScheme(from)).put("to", Addresses.withScheme(to));
        if (dryRun) {
            request.put("dryRun", true);
        }
        Set<String> groups = new LinkedHashSet<>(include);
        if (datasets) {
            groups.addAll(DATASET_GROUPS);
        }
        if (!groups.isEmpty()) {
            groups.forEach(request.withArray("include")::add);
        }
        if (!extraFields.isEmpty()) {
            extraFields.forEach(request.withArray("extraFields")::add);
        }
        return request;
    }
}
