package com.clearmlmigrator.relink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.clearmlmigrator.contracts.FieldTally;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.RelinkReport.DocumentIssue;
import com.clearmlmigrator.contracts.RelinkReport.ValueSample;

/**
 * What one {@link RelinkPass} counted per field, the values it sampled and the documents it could not change, summed up
 * into the task's report. Not thread-safe: one per pass.
 */
final class RelinkTally {
    private static final int SAMPLES_PER_FIELD = 3;
    private static final int MAX_ISSUES = 50;
    private static final int SAMPLE_LENGTH = 300;

    private final DocumentRelinker relinker;
    private final Map<String, Counts> counts = new LinkedHashMap<>();
    private final List<ValueSample> samples = new ArrayList<>();
    private final List<DocumentIssue> issues = new ArrayList<>();
    private long scanned;
    private long valuesChanged;
    private long valuesChangedTold;

    /** Every field the relinker reports is listed, counted or not, so that a report names what was looked at. */
    RelinkTally(DocumentRelinker relinker) {
        this.relinker = relinker;
        relinker.reportedFields().forEach(field -> counts.put(field, new Counts()));
    }

    void scanned(int documents) {
        scanned += documents;
    }

    /**
     * Values of a document written, or found written by an earlier delivery: counted as the report counts them, so
     * that progress and the report say the same of a part once it ends.
     */
    void changed(int values) {
        valuesChanged += values;
    }

    long changedSinceLastAsked() {
        long news = valuesChanged - valuesChangedTold;
        valuesChangedTold = valuesChanged;
        return news;
    }

    /**
     * Counts each value the changes make once: a plot's length follows its plot, an entry's fields are one entry.
     *
     * @return the values counted
     */
    int count(List<FieldChange> changes, Consumer<Counts> update) {
        Map<String, String> rulesByValue = new LinkedHashMap<>();
        changes.stream()
                .filter(c -> !c.rule().equals(DocumentRelinker.PLOT_LEN))
                .forEach(c -> rulesByValue.putIfAbsent(relinker.valueOf(c), c.rule()));
        rulesByValue.values().forEach(rule -> update.accept(field(rule)));
        return rulesByValue.size();
    }

    Counts field(String field) {
        return counts.computeIfAbsent(field, f -> new Counts());
    }

    void sample(String documentId, FieldChange change) {
        long taken =
                samples.stream().filter(s -> s.field().equals(change.rule())).count();
        if (taken < SAMPLES_PER_FIELD
                && change.before() instanceof String before
                && change.after() instanceof String after) {
            samples.add(new ValueSample(change.rule(), documentId, shorten(before), shorten(after)));
        }
    }

    void issue(String documentId, String field, String problem) {
        if (issues.size() < MAX_ISSUES) {
            issues.add(new DocumentIssue(documentId, field, problem));
        }
    }

    RelinkReport report(String target, boolean dryRun) {
        List<FieldTally> fields = counts.entrySet().stream()
                .map(e -> e.getValue().toTally(e.getKey(), scanned))
                .toList();
        return new RelinkReport(target, dryRun, fields, samples, issues);
    }

    private static String shorten(String value) {
        return value.length() <= SAMPLE_LENGTH ? value : value.substring(0, SAMPLE_LENGTH) + "...";
    }

    /** Mutable counters of one field while the pass runs. */
    static final class Counts {
        long matched;
        long changed;
        long conflicts;
        long failed;
        long remaining;
        long alreadyNew;

        FieldTally toTally(String field, long scanned) {
            return new FieldTally(field, scanned, matched, changed, conflicts, failed, remaining, alreadyNew);
        }
    }
}
