package com.clearmlmigrator.worker.elastic.copy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.clearmlmigrator.contracts.ContentChecksum;
import com.clearmlmigrator.contracts.CopySpec;
import com.clearmlmigrator.contracts.Slice;
import com.clearmlmigrator.worker.runtime.TaskCancelledException;

/**
 * A source and a target index in memory, with what {@link CopyEngine} relies on from Elasticsearch: a source read page
 * by page in index order, whose write count moves when something writes to it; a target that creates documents by
 * id and never overwrites one, marks the indices it creates with their migration, and fingerprints what it holds.
 */
final class InMemoryIndices {
    record Doc(String id, int bytes, boolean large) implements CopyDocument {
        @Override
        public long digest() {
            return id.hashCode() * 31L + bytes;
        }
    }

    static final class Source implements SourceIndex<Doc> {
        final List<Doc> documents = new ArrayList<>();
        long writeCount = 40;
        boolean sealed;
        int pageSizeAsked;
        /** Writes that someone makes to the source while the copy reads it. */
        long writesDuringRead;

        Source with(Doc... docs) {
            documents.addAll(List.of(docs));
            return this;
        }

        @Override
        public long writeCount() {
            return writeCount;
        }

        @Override
        public void read(Slice slice, int pageSize, Reader<Doc> reader) {
            pageSizeAsked = pageSize;
            writeCount += writesDuringRead;
            for (int from = 0; from < documents.size(); from += pageSize) {
                List<Doc> page = documents.subList(from, Math.min(documents.size(), from + pageSize));
                page.forEach(reader::document);
                reader.pageEnded(page.size());
            }
        }

        @Override
        public void seal() {
            sealed = true;
        }
    }

    static final class Target implements TargetIndex<Doc> {
        final Map<String, String> indicesByCreator = new LinkedHashMap<>();
        final List<String> templates = new ArrayList<>();
        final Map<String, Doc> documents = new LinkedHashMap<>();
        final Map<String, Object> settings = new LinkedHashMap<>();
        final List<String> writes = new ArrayList<>();
        /** What the verification asked of the index, in order. */
        final List<String> verificationSteps = new ArrayList<>();

        /** Documents the next flush loses, as a target that stops uncleanly loses writes its translog had not synced. */
        final Set<String> lostOnNextFlush = new HashSet<>();

        int deleted;
        boolean writerClosed;
        /**
         * The migration is cancelled once this many documents are confirmed: the count after that write throws, as a
         * worker's counter does. Negative: never.
         */
        int cancelledAfter = -1;

        @Override
        public void putTemplate(CopySpec.IndexTemplate template) {
            templates.add(template.name());
        }

        @Override
        public boolean exists(String index) {
            return indicesByCreator.containsKey(index);
        }

        @Override
        public String createdBy(String index) {
            return indicesByCreator.get(index);
        }

        @Override
        public void delete(String index) {
            indicesByCreator.remove(index);
            documents.clear();
            deleted++;
        }

        @Override
        public void create(CopySpec.TargetIndex index, String migrationId) {
            indicesByCreator.put(index.name(), migrationId);
        }

        @Override
        public Writer<Doc> writer() {
            return new Writer<>() {
                private final ContentChecksum.Tally confirmed = new ContentChecksum.Tally();

                @Override
                public void add(Doc document) {
                    writes.add(document.id());
                    create(document);
                }

                @Override
                public void writeAlone(Doc document) {
                    writes.add("alone:" + document.id());
                    create(document);
                }

                @Override
                public void pageEnded() {
                    writes.add("page");
                }

                @Override
                public ContentChecksum finish() {
                    return confirmed();
                }

                @Override
                public ContentChecksum confirmed() {
                    return confirmed.total();
                }

                @Override
                public void close() {
                    writerClosed = true;
                }

                private void create(Doc document) {
                    Doc there = documents.putIfAbsent(document.id(), document);
                    if (there == null || there.equals(document)) {
                        confirmed.addDocument(document.digest());
                    }
                    if (confirmed.total().documents() == cancelledAfter) {
                        throw new TaskCancelledException("its migration was cancelled");
                    }
                }
            };
        }

        @Override
        public void flush() {
            verificationSteps.add("flush");
            lostOnNextFlush.forEach(documents::remove);
            lostOnNextFlush.clear();
        }

        @Override
        public void refresh() {
            verificationSteps.add("refresh");
        }

        @Override
        public ContentChecksum fingerprint() {
            verificationSteps.add("fingerprint");
            ContentChecksum.Tally sum = new ContentChecksum.Tally();
            documents.values().forEach(doc -> sum.addDocument(doc.digest()));
            return sum.total();
        }

        @Override
        public void putSettings(Map<String, Object> changed) {
            verificationSteps.add("settings");
            settings.putAll(changed);
        }

        @Override
        public void markVerified(String migrationId) {
            verificationSteps.add("marked verified by " + migrationId);
        }
    }

    private InMemoryIndices() {}
}
