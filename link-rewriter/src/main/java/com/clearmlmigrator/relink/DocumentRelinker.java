package com.clearmlmigrator.relink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies the rewrite rules of one collection or index to a document. Plot indices get ClearML's plot handling on top
 * of the rules: {@code plot_str} as text, {@code plot_data} opened, rewritten and closed again, and {@code plot_len}
 * kept equal to the rewritten plot's length where the document has it.
 */
public final class DocumentRelinker {
    public static final String PLOT_STR = "plot_str";
    public static final String PLOT_DATA = "plot_data";
    public static final String PLOT_LEN = "plot_len";

    private final LinkRewriter rewriter;
    private final LinkRewriter backwards;
    private final List<FieldRule> rules;
    private final Set<String> storageEntryRules;
    private final boolean plots;

    public DocumentRelinker(LinkRewriter rewriter, List<FieldRule> rules, boolean plots) {
        this.rewriter = rewriter;
        this.backwards = rewriter.reversed();
        this.rules = List.copyOf(rules);
        this.storageEntryRules = rules.stream()
                .filter(r -> r.kind().isStorageEntry())
                .map(FieldRule::path)
                .collect(Collectors.toUnmodifiableSet());
        this.plots = plots;
    }

    /** True when no rule applies to the collection or index, so no document can change. */
    public boolean rewritesNothing() {
        return rules.isEmpty() && !plots;
    }

    /**
     * What relinking a document changes.
     *
     * @param changes    every value to change, in rule order
     * @param unreadable rules whose value could not be read (a corrupt {@code plot_data}); left untouched
     * @param alreadyNew references to the new prefix the document held as read, by rule (a text field may hold
     *                   several): left as they are, counted so that a relink run again can say it found its work done
     */
    public record Outcome(List<FieldChange> changes, List<String> unreadable, Map<String, Integer> alreadyNew) {}

    public Outcome relink(Map<String, Object> document) {
        List<FieldChange> changes = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Map<String, Integer> alreadyNew = new LinkedHashMap<>();
        for (FieldRule rule : rules) {
            if (rule.kind().isStorageEntry()) {
                relinkEntries(document, rule, changes, unreadable, alreadyNew);
                continue;
            }
            DocumentPaths.forEachString(document, rule.segments(), (path, value) -> {
                boolean url = rule.kind() == FieldRule.ValueKind.URL;
                String after = url ? rewriter.rewriteUrl(value).orElse(value) : rewriter.rewriteText(value);
                if (!after.equals(value)) {
                    changes.add(new FieldChange(rule.path(), path, value, after));
                }
                alreadyNew.merge(rule.path(), references(backwards, value, url), Integer::sum);
            });
        }
        if (plots) {
            relinkPlot(document, changes, unreadable, alreadyNew);
        }
        return new Outcome(changes, unreadable, alreadyNew);
    }

    /** Occurrences of the old prefix left in each rule's values: what verification reports as remaining. */
    public Map<String, Integer> remaining(Map<String, Object> document) {
        Map<String, Integer> remaining = new LinkedHashMap<>();
        for (FieldRule rule : rules) {
            int[] count = {0};
            if (rule.kind().isStorageEntry()) {
                DocumentPaths.forEachMap(
                        document, rule.segments(), (path, entry) -> count[0] += entryUnder(rewriter, rule, entry));
            } else {
                DocumentPaths.forEachString(
                        document,
                        rule.segments(),
                        (path, value) ->
                                count[0] += references(rewriter, value, rule.kind() == FieldRule.ValueKind.URL));
            }
            remaining.put(rule.path(), count[0]);
        }
        if (plots) {
            remaining.put(PLOT_STR, rewriter.countOccurrences(text(document.get(PLOT_STR))));
            remaining.put(PLOT_DATA, document.get(PLOT_DATA) instanceof String data ? countCompressed(data) : 0);
        }
        return remaining;
    }

    /** Why a rule's value was left unchanged when {@link Outcome#unreadable} names it: one sentence for a report. */
    public String unchangedBecause(String rulePath) {
        return storageEntryRules.contains(rulePath)
                ? "names a bucket whose new location cannot be written as this entry's fields; left unchanged"
                : "could not be read; left unchanged";
    }

    /**
     * The value a change belongs to, as a report counts values: its own path, but for a storage settings entry the
     * entry, whose host and bucket may both change.
     */
    public String valueOf(FieldChange change) {
        return storageEntryRules.contains(change.rule())
                ? change.path().substring(0, change.path().lastIndexOf('.'))
                : change.path();
    }

    /** The rule paths a report lists, in order. */
    public List<String> reportedFields() {
        List<String> fields =
                new ArrayList<>(rules.stream().map(FieldRule::path).toList());
        if (plots) {
            fields.addAll(List.of(PLOT_STR, PLOT_DATA));
        }
        return fields;
    }

    /**
     * Storage settings entries: the location each stands for is rewritten like a URL, and the entry's fields that make
     * it up (bucket, host, sub-folder, account, container) are changed to stand for the new one.
     */
    private void relinkEntries(
            Map<String, Object> document,
            FieldRule rule,
            List<FieldChange> changes,
            List<String> unreadable,
            Map<String, Integer> alreadyNew) {
        DocumentPaths.forEachMap(
                document,
                rule.segments(),
                (path, entry) -> BucketEntries.location(rule.kind(), entry).ifPresent(location -> {
                    alreadyNew.merge(rule.path(), entryUnder(backwards, rule, entry), Integer::sum);
                    rewriter.rewriteUrl(location)
                            .ifPresent(moved -> BucketEntries.changes(rule.kind(), entry, moved)
                                    .ifPresentOrElse(
                                            fields -> fields.forEach((field, value) -> changes.add(new FieldChange(
                                                    rule.path(), path + "." + field, entry.get(field), value))),
                                            () -> unreadable.add(rule.path())));
                }));
    }

    private void relinkPlot(
            Map<String, Object> document,
            List<FieldChange> changes,
            List<String> unreadable,
            Map<String, Integer> alreadyNew) {
        String rewrittenPlot = null;
        if (document.get(PLOT_STR) instanceof String plot) {
            String after = rewriter.rewriteText(plot);
            if (!after.equals(plot)) {
                changes.add(new FieldChange(PLOT_STR, PLOT_STR, plot, after));
                rewrittenPlot = after;
            }
            alreadyNew.put(PLOT_STR, backwards.countOccurrences(plot));
        }
        if (document.get(PLOT_DATA) instanceof String data) {
            try {
                String plot = CompressedPlots.decompress(data);
                String after = rewriter.rewriteText(plot);
                if (!after.equals(plot)) {
                    changes.add(new FieldChange(PLOT_DATA, PLOT_DATA, data, CompressedPlots.compress(after)));
                    rewrittenPlot = after;
                }
                alreadyNew.put(PLOT_DATA, backwards.countOccurrences(plot));
            } catch (IllegalArgumentException e) {
                unreadable.add(PLOT_DATA);
            }
        }
        if (rewrittenPlot != null && document.get(PLOT_LEN) instanceof Number length) {
            int newLength = CompressedPlots.length(rewrittenPlot);
            if (newLength != length.intValue()) {
                changes.add(new FieldChange(PLOT_LEN, PLOT_LEN, length.intValue(), newLength));
            }
        }
    }

    private int countCompressed(String data) {
        try {
            return rewriter.countOccurrences(CompressedPlots.decompress(data));
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** 1 when the location a storage settings entry stands for is under the prefix {@code prefix} rewrites, else 0. */
    private static int entryUnder(LinkRewriter prefix, FieldRule rule, Map<?, ?> entry) {
        return BucketEntries.location(rule.kind(), entry)
                        .filter(prefix::isStillOld)
                        .isPresent()
                ? 1
                : 0;
    }

    /** A URL value references a prefix once or not at all; a text value as often as it names it. */
    private static int references(LinkRewriter prefix, String value, boolean url) {
        return url ? (prefix.isStillOld(value) ? 1 : 0) : prefix.countOccurrences(value);
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
