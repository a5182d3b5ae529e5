package com.clearmlmigrator.relink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A collection in a map, with the semantics {@link RelinkEngine} relies on from MongoDB and Elasticsearch: reads
 * return copies, in batches; a write sets its new values only while the document still holds every old one. It can
 * hold writes back until the next write or {@link #flush}, as the Elasticsearch store does with its bulk in flight,
 * and let someone else change a document between the read and the write.
 */
final class InMemoryRelinkStore implements RelinkStore {
    private static final int BATCH = 2;

    final Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
    private final boolean holdsWritesBack;
    private final List<PlannedWrite> heldBack = new ArrayList<>();
    private RelinkPass heldFor;
    private Consumer<Map<String, Map<String, Object>>> beforeEachWrite = documents -> {};
    int scans;
    int writesApplied;

    InMemoryRelinkStore(boolean holdsWritesBack) {
        this.holdsWritesBack = holdsWritesBack;
    }

    InMemoryRelinkStore with(String id, String field, Object value) {
        Map<String, Object> document = new LinkedHashMap<>();
        DocumentPaths.set(document, field, value);
        documents.put(id, document);
        return this;
    }

    /** Someone else's change, made after the read and before the write of the batch that read it. */
    void beforeEachWrite(Consumer<Map<String, Map<String, Object>>> change) {
        this.beforeEachWrite = change;
    }

    Object valueOf(String id, String path) {
        return DocumentPaths.get(documents.get(id), path);
    }

    @Override
    public void scan(Consumer<List<StoredDocument>> batches) {
        scans++;
        List<StoredDocument> all = documents.entrySet().stream()
                .map(e -> new StoredDocument(e.getKey(), copy(e.getValue()), e.getKey()))
                .toList();
        for (int from = 0; from < all.size(); from += BATCH) {
            batches.accept(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
    }

    @Override
    public void write(List<PlannedWrite> writes, RelinkPass pass) {
        beforeEachWrite.accept(documents);
        apply(pass);
        heldBack.addAll(writes);
        heldFor = pass;
        if (!holdsWritesBack) {
            apply(pass);
        }
    }

    @Override
    public void flush() {
        if (heldFor != null) {
            apply(heldFor);
        }
    }

    @Override
    public void scanToVerify(Consumer<List<StoredDocument>> batches) {
        scan(batches);
    }

    @Override
    public void fetch(Collection<JournalEntry> entries, Consumer<List<StoredDocument>> batches) {
        batches.accept(entries.stream()
                .filter(entry -> documents.containsKey(entry.documentId()))
                .map(entry -> new StoredDocument(
                        entry.documentId(), copy(documents.get(entry.documentId())), entry.documentId()))
                .toList());
    }

    private void apply(RelinkPass pass) {
        for (PlannedWrite write : heldBack) {
            Map<String, Object> current = documents.get(write.document().id());
            boolean unchanged = current != null
                    && write.changes().stream()
                            .allMatch(c -> Objects.equals(DocumentPaths.get(current, c.path()), c.before()));
            if (unchanged) {
                write.changes().forEach(c -> DocumentPaths.set(current, c.path(), c.after()));
                writesApplied++;
            }
            pass.written(write, unchanged ? PlannedWrite.Outcome.WRITTEN : PlannedWrite.Outcome.CONFLICT, null);
        }
        heldBack.clear();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> document) {
        Map<String, Object> copy = new LinkedHashMap<>();
        document.forEach((key, value) ->
                copy.put(key, value instanceof Map<?, ?> nested ? copy((Map<String, Object>) nested) : value));
        return copy;
    }
}
