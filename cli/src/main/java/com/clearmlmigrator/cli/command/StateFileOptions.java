package com.clearmlmigrator.cli.command;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.cli.files.BucketAccess;
import com.clearmlmigrator.cli.files.ClearmlConf;
import com.clearmlmigrator.cli.files.FileServerFolder;
import com.clearmlmigrator.cli.files.StateFilePlace;
import com.clearmlmigrator.cli.files.StateFilesReport;
import com.clearmlmigrator.cli.planner.PlannerClient;
import com.clearmlmigrator.cli.planner.PlannerException;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where the datasets' state files are, for the part of a relink that lies outside the databases: the file server's data
 * folder on this host, buckets the datasets were uploaded to, or both.
 */
public class StateFileOptions {
    @Option(
            names = "--fileserver-folder",
            paramLabel = "DIR",
            description = "The ClearML file server's data folder on this host (/opt/clearml/data/fileserver by"
                    + " default). The dataset state files in it (state.json) hold the links of files added with"
                    + " add_external_files, in no database: with this, `relink` rewrites them too (their originals"
                    + " kept), `undo` restores them and `inspect` counts where their links point.")
    Path folder;

    @Option(
            names = "--dataset-bucket",
            paramLabel = "s3://BUCKET[/FOLDER]|azure://ACCOUNT.blob.core.windows.net/CONTAINER[/FOLDER]",
            description = "A bucket or Azure container datasets were uploaded to (their output_uri), whose state files"
                    + " are relinked, restored and counted as the file server folder's are; their originals are kept"
                    + " in it. S3 credentials as the AWS CLI finds them (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
                    + " AWS_PROFILE, an instance role); Azure's as ClearML's SDK does (AZURE_STORAGE_ACCOUNT and"
                    + " AZURE_STORAGE_KEY). Repeatable.")
    List<String> buckets = new ArrayList<>();

    @Option(
            names = "--s3-endpoint",
            paramLabel = "URL",
            description = "The S3 server of --dataset-bucket when it is not AWS: MinIO, Ceph (the host of the"
                    + " bucket's credentials in clearml.conf), for example http://minio:9000.")
    URI endpoint;

    @Option(
            names = "--azure-endpoint",
            paramLabel = "URL",
            description = "The Blob service of an azure:// --dataset-bucket when it is not"
                    + " https://ACCOUNT.blob.core.windows.net: Azurite, another cloud; for example"
                    + " http://azurite:10000/ACCOUNT.")
    URI azureEndpoint;

    @Option(
            names = "--clearml-conf",
            paramLabel = "FILE",
            description = "ClearML's clearml.conf: --dataset-bucket takes the bucket's credentials (sdk.aws.s3:"
                    + " key, secret, region, and for a server other than AWS its host and secure; for Azure, the"
                    + " account_key of sdk.azure.storage.containers) from it, as the SDK finds them.")
    Path clearmlConf;

    @Option(
            names = "--s3-region",
            paramLabel = "REGION",
            description = "The region of --dataset-bucket (default: AWS_REGION, the profile's, or us-east-1).")
    String region;

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

    boolean folderGiven() {
        return folder != null;
    }

    /**
     * The places given, each checked before anything is submitted (a folder that is there, a bucket that answers);
     * empty when none was given. The caller closes them.
     */
    List<StateFilePlace> places(CommandSpec spec) {
        List<StateFilePlace> places = new ArrayList<>();
        try {
            if (folder != null) {
                places.add(FileServerFolder.at(folder));
            }
            BucketAccess access = new BucketAccess(
                    clearmlConf == null || buckets.isEmpty()
                            ? Optional.empty()
                            : Optional.of(ClearmlConf.read(clearmlConf)),
                    endpoint,
                    region,
                    azureEndpoint,
                    System.getenv());
            for (String bucket : buckets) {
                places.add(access.open(bucket, "--dataset-bucket " + bucket + againWith(bucket)));
            }
            return places;
        } catch (IllegalArgumentException e) {
            places.forEach(StateFilePlace::close);
            throw new ParameterException(spec.commandLine(), capitalized(e.getMessage()));
        }
    }

    /** What an undo of the bucket needs given again besides it. */
    private String againWith(String bucket) {
        boolean azure = BucketAccess.isAzure(bucket);
        URI server = azure ? azureEndpoint : endpoint;
        String option = azure ? " --azure-endpoint " : " --s3-endpoint ";
        return (server == null ? "" : option + server) + (clearmlConf == null ? "" : " --clearml-conf " + clearmlConf);
    }

    private static String capitalized(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** Said before a place is looked through: a file server's folder of millions of files takes a while. */
    static void announce(CommandSpec spec, boolean detached, StateFilePlace place) {
        print(
                spec,
                detached,
                List.of("Looking through " + place.description().where() + " for dataset state files..."));
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
     * Tells the planner what was done in a place, so the migration's view, the dashboard and its undo show it; a planner
     * that does not take it (an older one, say) costs a note, not the command's outcome.
     */
    static void tell(
            CommandSpec spec, boolean detached, PlannerClient client, String migrationId, StateFilesReport report) {
        tell(spec, detached, client, migrationId, report.toOutcome());
    }

    /**
     * Tells the planner the command begins in a place, so that a command stopped there leaves a trace of it. A planner
     * that does not take it goes unmentioned: the end is told to it next, and a refusal is said then, once.
     */
    static void tellBegun(PlannerClient client, String migrationId, StateFilePlace place, boolean dryRun) {
        try {
            client.recordStateFiles(
                    migrationId, PlannerClient.JSON.valueToTree(StateFilesReport.begun(place.description(), dryRun)));
        } catch (PlannerException e) {
            // Said once, at the end.
        }
    }

    /** Tells the planner what was found or done in a place, {@code outcome} as {@code PUT .../state-files} takes it. */
    static void tell(
            CommandSpec spec, boolean detached, PlannerClient client, String migrationId, Map<String, Object> outcome) {
        try {
            client.recordStateFiles(migrationId, PlannerClient.JSON.valueToTree(outcome));
        } catch (PlannerException e) {
            print(spec, detached, List.of("  (The planner did not take what was done here: " + e.getMessage() + ")"));
        }
    }

    /**
     * A migration that went well, with state files left as they were, did not do all it was asked.
     *
     * @param files what was done in each place given
     */
    static int exitCode(int migration, List<StateFilesReport> files) {
        return migration == ExitCode.SUCCEEDED
                        && files.stream().anyMatch(report -> !report.problems().isEmpty())
                ? ExitCode.COMPLETED_WITH_ERRORS
                : migration;
    }
}
