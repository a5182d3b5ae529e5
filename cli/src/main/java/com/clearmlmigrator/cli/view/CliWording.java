package com.clearmlmigrator.cli.view;

import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The planner's sentences in the words of the command line. The planner speaks to its REST API's users: it names
 * request fields ("Field 'maxDocsPerSecond' must be ...", set "ifTargetExists" to ...) and endpoints ("POST
 * /migrations/ID/retry", "GET /migrations"). Someone who typed {@code --max-docs-per-second 0} should read the flag
 * they typed and the command to run next.
 *
 * <p>A field is renamed only when the command has the flag for it: {@code upgrade-elastic} sets {@code ifTargetExists}
 * itself, and naming a flag its user cannot give would send them looking for it. A field name in a JSON example
 * ({@code "source": {...}}) stays as it is.
 */
public final class CliWording {
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("mongo", "--mongo"),
            Map.entry("mongo.uri", "--mongo"),
            Map.entry("mongo.database", "--mongo-database"),
            Map.entry("elastic", "--elastic"),
            Map.entry("elastic.hosts", "--elastic"),
            Map.entry("elastic.username", "--elastic-user"),
            Map.entry("elastic.password", "--elastic-password"),
            Map.entry("from", "--from"),
            Map.entry("to", "--to"),
            Map.entry("include", "--include"),
            Map.entry("extraFields", "--extra-field"),
            Map.entry("source", "--source"),
            Map.entry("source.hosts", "--source"),
            Map.entry("source.username", "--source-user"),
            Map.entry("target", "--target"),
            Map.entry("target.hosts", "--target"),
            Map.entry("target.username", "--target-user"),
            Map.entry("indices", "--index"),
            Map.entry("ifTargetExists", "--if-target-exists"),
            Map.entry("afterCopy", "--after-copy"),
            Map.entry("maxDocsPerSecond", "--max-docs-per-second"),
            Map.entry("replicas", "--replicas"),
            Map.entry("dryRun", "--dry-run"));

    /**
     * The passwords of a copy's clusters have no flag (a flag's value shows in {@code ps} and the shell's history): the
     * command reads them from these variables, or asks, wherever it has the user's flag.
     */
    private static final Map<String, String> PASSWORD_VARIABLES = Map.of(
            "source.password", "CLEARML_MIGRATOR_SOURCE_PASSWORD",
            "target.password", "CLEARML_MIGRATOR_TARGET_PASSWORD");

    // 'field' or "field" (a list's field with the position of an item: 'elastic.hosts[0]'), with the word "Field"
    // before it when there is one; not a key of a JSON example.
    private static final Pattern FIELD =
            Pattern.compile("(Field )?(['\"])([A-Za-z]+(?:\\.[A-Za-z]+)?)(?:\\[\\d+])?\\2(?!:)");
    private static final Pattern ENDPOINT = Pattern.compile("POST /migrations/([0-9A-Za-z-]+)/(retry|cancel|undo)");
    private static final Pattern READ = Pattern.compile("GET /migrations(?:/([0-9A-Za-z-]+))?(?![/\\w])");
    private static final String IN_THE_BODY = " in the request body";
    // "Fields 'from' and 'to'": the word before the first of several fields the command has flags for.
    private static final Pattern FIELDS_AS_FLAGS = Pattern.compile("\\bFields (?=--)");

    private static final String UPGRADE = "upgrade-elastic";
    private static final String UPGRADE_AGAIN =
            "the same `clearml-migrator upgrade-elastic` command again (it starts the new folder over)";
    // The planner's advice on a target's shard limit names a cluster setting, which cannot reach the node an upgrade
    // starts for the command's length; the ClearML server on the new folder would meet the same limit.
    private static final Pattern SHARD_LIMIT_ADVICE =
            Pattern.compile("Raise cluster\\.max_shards_per_node \\(PUT _cluster/settings\\)[^.]*\\.");
    private static final String UPGRADE_SHARD_ADVICE = "The ClearML server on the new folder would meet the same limit:"
            + " leave in the old folder the indices it no longer needs (--leave-behind INDEX), or delete them while the"
            + " old server still runs, then run the upgrade again (docs/operations.md, \"A folder of very many"
            + " indices\").";

    private final CommandSpec command;

    private CliWording(CommandSpec command) {
        this.command = command;
    }

    /** The wording for what {@code command} shows. */
    public static CliWording of(CommandSpec command) {
        return new CliWording(command);
    }

    /** {@code sentence} with the command's flags for request fields and commands for endpoints. */
    public String apply(String sentence) {
        if (sentence == null) {
            return null;
        }
        String flags = FIELDS_AS_FLAGS
                .matcher(FIELD.matcher(sentence).replaceAll(field -> Matcher.quoteReplacement(flag(field))))
                .replaceAll("Options ");
        String commands = ENDPOINT.matcher(flags)
                .replaceAll(call -> Matcher.quoteReplacement(command(call.group(2), call.group(1))
                        .map(command -> "`" + command + "`")
                        .orElse(call.group(2).equals("retry") ? UPGRADE_AGAIN : call.group())));
        String reads = READ.matcher(commands)
                .replaceAll(read -> Matcher.quoteReplacement(
                        read.group(1) == null
                                ? "`clearml-migrator list" + localTail() + "`"
                                : "`clearml-migrator status " + read.group(1) + " --json" + localTail() + "`"));
        String advice = UPGRADE.equals(command.name())
                ? SHARD_LIMIT_ADVICE.matcher(reads).replaceAll(Matcher.quoteReplacement(UPGRADE_SHARD_ADVICE))
                : reads;
        return advice.replace(IN_THE_BODY, " on the command line");
    }

    /** The migration's snapshot with its notice, when it has one, in the command's words ({@link #apply}). */
    public JsonNode notice(JsonNode snapshot) {
        if (!snapshot.hasNonNull("notice")) {
            return snapshot;
        }
        ObjectNode worded = snapshot.deepCopy();
        worded.put("notice", apply(snapshot.path("notice").asText()));
        return worded;
    }

    /**
     * The command that goes on with a migration ({@code retry ID}, {@code cancel ID}...) as the operator types it: with
     * {@code --local} after a {@code --local} run, whose migrator stopped with it, so that the next one starts it again.
     * Empty in {@code upgrade-elastic}: its copy runs between nodes that stop with the command, so nothing can go on
     * with it but the upgrade run again.
     */
    public Optional<String> command(String verb, String migrationId) {
        if (UPGRADE.equals(command.name())) {
            return Optional.empty();
        }
        return Optional.of("clearml-migrator " + verb + " " + migrationId + localTail());
    }

    private String localTail() {
        OptionSpec local = command.findOption("--local");
        return local != null && Boolean.TRUE.equals(local.getValue()) ? " --local" : "";
    }

    private String flag(MatchResult field) {
        String name = field.group(3);
        String flag = FLAGS.get(name);
        if (flag != null && command.findOption(flag) != null) {
            return (field.group(1) == null ? "" : "Option ") + flag;
        }
        String user = FLAGS.get(name.replace(".password", ".username"));
        if (PASSWORD_VARIABLES.containsKey(name) && command.findOption(user) != null) {
            return PASSWORD_VARIABLES.get(name);
        }
        return field.group();
    }
}
