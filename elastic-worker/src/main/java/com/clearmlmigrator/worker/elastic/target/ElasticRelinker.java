package com.clearmlmigrator.worker.elastic.target;

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
import com.clearmlmigrator.relink.StoredDocument;
import com.clearmlmigrator.stores.ElasticClient;
import com.clearmlmigrator.stores.ElasticConnections;
import com.clearmlmigrator.worker.elastic.domain.IndexRelinker;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Relinks one slice of an index on the client: compressed plots cannot be rewritten by the server, and one code path
 * for every field keeps ES 5.6 and ES 7 alike.
 */
@ApplicationScoped
public class ElasticRelinker implements IndexRelinker {
    private static final int UNDO_BATCH = 500;

    private final ElasticConnections connections;
    private final RelinkJournal journal;

    public ElasticRelinker(ElasticConnections connections, RelinkJournal journal) {
        this.connections = connections;
        this.journal = journal;
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
        int major = majorVersion(client);
        List<String> fields = fields(rules, plots);
        // Changed documents are written back whole, so the pass that writes reads them whole.
        try (OverlappedBulks bulks = new OverlappedBulks(client, index, major, pass)) {
            ElasticScroll.forEachBatch(
                    client,
                    index,
                    task.slice(),
                    spec.dryRun() ? fields : null,
                    null,
                    major,
                    batch -> bulks.write(pass.plan(batch)));
            bulks.finish();
        }
        if (!spec.dryRun()) {
            client.send("POST", "/" + index + "/_refresh", null);
        }
        ObjectNode candidates = plots
                ? null
                : ReferenceCandidates.query(client, index, rules, spec.from()).orElse(null);
        ElasticScroll.forEachBatch(
                client, index, task.slice(), fields, candidates, major, batch -> batch.forEach(pass::verify));
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
        int major = majorVersion(client);
        journal.forEachBatch(spec.undoOf(), index, UNDO_BATCH, entries -> {
            Map<String, JournalEntry> reversed = RelinkPass.reversed(entries);
            List<StoredDocument> documents = ElasticDocumentFetch.fetch(client, index, major, reversed.values());
            ElasticConditionalWriter.write(client, index, major, pass.planUndo(documents, reversed), pass);
        });
        client.send("POST", "/" + index + "/_refresh", null);
        return pass.report();
    }

    private static int majorVersion(ElasticClient client) {
        return client.get("/").path("version").path("number").asText("7").charAt(0) - '0';
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
