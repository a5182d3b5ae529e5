package com.clearmlmigrator.relink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.contracts.UrlPrefixCount;

/**
 * Counts, per field, the URL origins that the references of one collection or index start with, reading the same
 * fields a relink would rewrite (every opt-in group included) and, in plot indices, the plots themselves, compressed
 * ones opened. What an operator reads before choosing a relink's {@code from}.
 */
public final class UrlCensus {
    private final List<FieldRule> rules;
    private final boolean plots;
    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private long unreadablePlots;

    public UrlCensus(List<FieldRule> rules, boolean plots) {
        this.rules = List.copyOf(rules);
        this.plots = plots;
    }

    /** The census of a MongoDB collection of ClearML's {@code backend} database. */
    public static UrlCensus ofCollection(String collection) {
        return new UrlCensus(ClearmlFields.forCollection(collection, ClearmlFields.INCLUDE_GROUPS), false);
    }

    /**
     * The census of an Elasticsearch index. Log messages are left out: they are an opt-in of the relink, and a log
     * index is often the largest there is.
     */
    public static UrlCensus ofIndex(String index) {
        List<FieldRule> rules = new ArrayList<>(ClearmlFields.forIndex(index, ClearmlFields.INCLUDE_GROUPS));
        rules.removeIf(rule -> rule.path().equals("msg"));
        return new UrlCensus(rules, ClearmlFields.isPlotIndex(index));
    }

    /** Whether there is anything to count here; a census of nothing need not read the documents. */
    public boolean isEmpty() {
        return rules.isEmpty() && !plots;
    }

    /**
     * The top-level fields a store must return for {@link #take}; for plots also {@code plot_len}, which weighs a
     * compressed plot before it is opened.
     */
    public List<String> fieldsToRead() {
        List<String> fields = new ArrayList<>(
                rules.stream().map(FieldRule::topLevelField).distinct().toList());
        if (plots) {
            fields.addAll(List.of(DocumentRelinker.PLOT_STR, DocumentRelinker.PLOT_DATA, DocumentRelinker.PLOT_LEN));
        }
        return fields;
    }

    /** Counts the references of one document (a BSON document, a parsed {@code _source}). */
    public void take(Map<String, Object> document) {
        for (FieldRule rule : rules) {
            if (rule.kind().isStorageEntry()) {
                DocumentPaths.forEachMap(
                        document,
                        rule.segments(),
                        (path, entry) -> BucketEntries.location(rule.kind(), entry)
                                .flatMap(UrlOrigins::of)
                                .ifPresent(origin -> count(rule.path(), origin)));
                continue;
            }
            DocumentPaths.forEachString(document, rule.segments(), (path, value) -> {
                if (rule.kind() == FieldRule.ValueKind.URL) {
                    UrlOrigins.of(value).ifPresent(origin -> count(rule.path(), origin));
                } else {
                    UrlOrigins.inText(value, origin -> count(rule.path(), origin));
                }
            });
        }
        if (plots) {
            if (document.get(DocumentRelinker.PLOT_STR) instanceof String plot) {
                UrlOrigins.inText(plot, origin -> count(DocumentRelinker.PLOT_STR, origin));
            }
            if (document.get(DocumentRelinker.PLOT_DATA) instanceof String data) {
                try {
                    UrlOrigins.inText(
                            CompressedPlots.decompress(data), origin -> count(DocumentRelinker.PLOT_DATA, origin));
                } catch (IllegalArgumentException e) {
                    unreadablePlots++;
                }
            }
        }
    }

    /** Compressed plots that could not be opened, so their references are not counted. */
    public long unreadablePlots() {
        return unreadablePlots;
    }

    /** The counts, field by field, the most referenced origin first. */
    public List<UrlPrefixCount> counts() {
        return counts.entrySet().stream()
                .flatMap(field -> field.getValue().entrySet().stream()
                        .map(origin -> new UrlPrefixCount(field.getKey(), origin.getKey(), origin.getValue())))
                .sorted(Comparator.comparing(UrlPrefixCount::field)
                        .thenComparing(Comparator.comparingLong(UrlPrefixCount::references)
                                .reversed())
                        .thenComparing(UrlPrefixCount::prefix))
                .toList();
    }

    private void count(String field, String origin) {
        counts.computeIfAbsent(field, f -> new HashMap<>()).merge(origin, 1L, Long::sum);
    }
}
