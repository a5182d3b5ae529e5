package com.clearmlmigrator.relink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.clearmlmigrator.contracts.RelinkSpec;

/**
 * Where ClearML keeps references to stored files, per MongoDB collection and Elasticsearch index: the default set that
 * every relink rewrites, and the opt-in groups named in a request's {@code include}. {@code script.*}, ids and keys are
 * never in any set.
 */
public final class ClearmlFields {
    /** Opt-in groups a request may name in {@code include}. */
    public static final Set<String> INCLUDE_GROUPS =
            Set.of("hyperparams", "configuration", "metadata", "artifact-previews", "logs", "storage-settings");

    public static final String DEBUG_IMAGE_INDEX_PREFIX = "events-training_debug_image-";
    public static final String PLOT_INDEX_PREFIX = "events-plot-";
    public static final String LOG_INDEX_PREFIX = "events-log-";

    private ClearmlFields() {}

    /** The rules of a collection for a relink task: default set, included groups and matching extra fields. */
    public static List<FieldRule> forCollection(String collection, RelinkSpec spec) {
        List<FieldRule> rules = forCollection(collection, Set.copyOf(spec.include()));
        rules.addAll(extraRules(collection, spec));
        return rules;
    }

    /** The rules of an index for a relink task: default set, included groups and matching extra fields. */
    public static List<FieldRule> forIndex(String index, RelinkSpec spec) {
        List<FieldRule> rules = forIndex(index, Set.copyOf(spec.include()));
        rules.addAll(extraRules(index, spec));
        return rules;
    }

    private static List<FieldRule> extraRules(String target, RelinkSpec spec) {
        return spec.extraFields().stream()
                .map(ExtraField::parse)
                .filter(extra -> extra.appliesTo(target))
                .map(ExtraField::rule)
                .toList();
    }

    /** The rules of a MongoDB collection of the {@code backend} database. */
    public static List<FieldRule> forCollection(String collection, Set<String> include) {
        List<FieldRule> rules = new ArrayList<>();
        switch (collection) {
            case "task", "task__trash" -> {
                rules.add(FieldRule.url("execution.artifacts.*.uri"));
                rules.add(FieldRule.url("output.destination"));
                rules.add(FieldRule.text("report"));
                rules.add(FieldRule.url("report_assets.*"));
                if (include.contains("artifact-previews")) {
                    rules.add(FieldRule.text("execution.artifacts.*.type_data.preview"));
                }
                if (include.contains("hyperparams")) {
                    rules.add(FieldRule.text("hyperparams.*.*.value"));
                }
                if (include.contains("configuration")) {
                    rules.add(FieldRule.text("configuration.*.value"));
                }
            }
            case "model" -> {
                rules.add(FieldRule.url("uri"));
                if (include.contains("metadata")) {
                    rules.add(FieldRule.text("metadata.*.value"));
                }
            }
            case "project" -> {
                rules.add(FieldRule.url("default_output_destination"));
                rules.add(FieldRule.text("description"));
            }
            case "queue" -> {
                if (include.contains("metadata")) {
                    rules.add(FieldRule.text("metadata.*.value"));
                }
            }
            case "url_to_delete" -> rules.add(FieldRule.url("url"));
            // Opt-in: the server's own credentials per bucket. An operator who already entered the new location's
            // (which may differ) would otherwise get two entries for it.
            case "storage_settings" -> {
                if (include.contains("storage-settings")) {
                    rules.add(FieldRule.storageEntry("aws.buckets.*", FieldRule.ValueKind.S3_BUCKET));
                    rules.add(FieldRule.storageEntry("google.buckets.*", FieldRule.ValueKind.GS_BUCKET));
                    rules.add(FieldRule.storageEntry("azure.containers.*", FieldRule.ValueKind.AZURE_CONTAINER));
                }
            }
            default -> {}
        }
        return rules;
    }

    /** The rules of an Elasticsearch index, besides the plot handling of {@link #isPlotIndex}. */
    public static List<FieldRule> forIndex(String index, Set<String> include) {
        List<FieldRule> rules = new ArrayList<>();
        if (index.startsWith(DEBUG_IMAGE_INDEX_PREFIX)) {
            rules.add(FieldRule.url("url"));
        } else if (isPlotIndex(index)) {
            rules.add(FieldRule.url("source_urls.*"));
        } else if (index.startsWith(LOG_INDEX_PREFIX) && include.contains("logs")) {
            rules.add(FieldRule.text("msg"));
        }
        return rules;
    }

    /**
     * The opt-in group a relink must name in {@code include} to rewrite this field of a collection: what an inspect tells
     * the operator beside a field that holds the old prefix. Empty for a field every relink rewrites, or none does.
     */
    public static Optional<String> optInGroupOfCollectionField(String collection, String path) {
        return optInGroupOf(path, include -> forCollection(collection, include));
    }

    /** {@link #optInGroupOfCollectionField} for a field of an Elasticsearch index. */
    public static Optional<String> optInGroupOfIndexField(String index, String path) {
        return optInGroupOf(path, include -> forIndex(index, include));
    }

    private static Optional<String> optInGroupOf(String path, Function<Set<String>, List<FieldRule>> rules) {
        if (covers(rules.apply(Set.of()), path)) {
            return Optional.empty();
        }
        return INCLUDE_GROUPS.stream()
                .sorted()
                .filter(group -> covers(rules.apply(Set.of(group)), path))
                .findFirst();
    }

    private static boolean covers(List<FieldRule> rules, String path) {
        return rules.stream().anyMatch(rule -> rule.path().equals(path));
    }

    public static boolean isPlotIndex(String index) {
        return index.startsWith(PLOT_INDEX_PREFIX);
    }
}
