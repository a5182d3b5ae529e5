package com.clearmlmigrator.worker.elastic.adapter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.relink.ClearmlFields;
import com.clearmlmigrator.relink.DocumentRelinker;
import com.clearmlmigrator.relink.FieldRule;
import com.clearmlmigrator.relink.JournalEntry;
import com.clearmlmigrator.relink.LinkRewriter;
import com.clearmlmigrator.relink.RelinkJournal;
import com.clearmlmigrator.relink.RelinkPass;
import com.clearmlmigrator.stores.ElasticClient;
import com.clearmlmigrator.stores.ElasticConnections;
import com.clearmlmigrator.worker.elastic.config.ElasticWorkerConfig;
import com.clearmlmigrator.worker.elastic.domain.IndexRelinker;
import com.clearmlmigrator.worker.runtime.ProgressBeacon;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Relinks one slice of an index on the client: compressed plots cannot be rewritten by the server, and one code path
 * for every field keeps ES 5.6 and ES 7 alike.
 */
@ApplicationScoped
public class ElasticRelinker implements IndexRelinker {
    private static final int UNDO_BATCH = 500;
    // Undo reads journaled documents back whole by id: plots, of megabytes each, a few at a time.
    private static final int UNDO_PLOT_BATCH = 10;

    private final ElasticConnections connections;
    private final RelinkJournal journal;
    private final ProgressBeacon progress;
    private final DocumentLimits limits;
    private final long batchBytes;

    public ElasticRelinker(
            ElasticConnections connections,
            RelinkJournal journal,
            ProgressBeacon progress,
            DocumentLimits limits,
            ElasticWorkerConfig config) {
        this.connections = connections;
        this.journal = journal;
        this.progress = progress;
        this.limits = limits;
        this.batchBytes = config.relinkBatchBytes();
    }

    @Override
    public RelinkReport relink(MigrationTask task) {
        RelinkSpec spec = task.relink();
        String index = task.target();
        List<FieldRule> rules = ClearmlFields.forIndex(index, spec);
        boolean plots = ClearmlFields.isPlotIndex(index);
        DocumentRelinker relinker = new DocumentRelinker(LinkRewriter.of(spec.from(), spec.to()), rules, plots);
        RelinkPass pass = new RelinkPass(task.id(), index, relinker, journal, spec.dryRun());
        if (rules.isEmpty() && !plots) {
            return pass.report();
        }
        ElasticClient client = connections.client(task.elastic());
        int major = client.majorVersion();
        List<String> fields = fields(rules, plots);
        ProgressBeacon.Counter counter = progress.counter(task.id());
        // Changed documents are written back whole, so the pass that writes reads them whole.
        try (OverlappedBulks bulks = new OverlappedBulks(client, index, major, pass)) {
            ElasticScroll.forEachBatch(
                    client,
                    index,
                    task.slice(),
                    spec.dryRun() ? fields : null,
                    null,
                    major,
                    limits,
                    batchBytes,
                    batch -> {
                        bulks.write(pass.plan(batch));
                        counter.add(batch.size());
                        counter.addChanged(pass.changedSinceLastAsked());
                    },
                    bulks::finish);
            bulks.finish();
            counter.addChanged(pass.changedSinceLastAsked());
        }
        if (!spec.dryRun()) {
            client.send("POST", "/" + index + "/_refresh", null);
        }
        ObjectNode candidates = plots
                ? null
                : ReferenceCandidates.query(client, index, rules, spec.from()).orElse(null);
        ElasticScroll.forEachBatch(
                client,
                index,
                task.slice(),
                fields,
                candidates,
                major,
                limits,
                batchBytes,
                batch -> batch.forEach(pass::verify),
                () -> {});
        return pass.report();
    }

    @Override
    public RelinkReport undo(MigrationTask task) {
        RelinkSpec spec = task.relink();
        String index = task.target();
        DocumentRelinker relinker = new DocumentRelinker(
                LinkRewriter.of(spec.from(), spec.to()),
                ClearmlFields.forIndex(index, spec),
                ClearmlFields.isPlotIndex(index));
        RelinkPass pass = new RelinkPass(task.id(), index, relinker, journal, false);
        ElasticClient client = connections.client(task.elastic());
        int major = client.majorVersion();
        ProgressBeacon.Counter counter = progress.counter(task.id());
        int batch = ClearmlFields.isPlotIndex(index) ? UNDO_PLOT_BATCH : UNDO_BATCH;
        journal.forEachBatch(spec.undoOf(), index, batch, entries -> {
            Map<String, JournalEntry> reversed = RelinkPass.reversed(entries);
            ElasticDocumentFetch.fetch(client, index, major, reversed.values(), limits, documents -> {
                ElasticConditionalWriter.write(client, index, major, pass.planUndo(documents, reversed), pass);
                counter.add(documents.size());
                counter.addChanged(pass.changedSinceLastAsked());
            });
        });
        client.send("POST", "/" + index + "/_refresh", null);
        return pass.report();
    }

    private static List<String> fields(List<FieldRule> rules, boolean plots) {
        Set<String> fields = new LinkedHashSet<>();
        rules.forEach(rule -> fields.add(rule.topLevelField()));
        if (plots) {
            fields.addAll(List.of(DocumentRelinker.PLOT_STR, DocumentRelinker.PLOT_DATA, DocumentRelinker.PLOT_LEN));
        }
        return List.copyOf(fields);
    }
}
