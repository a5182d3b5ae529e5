package com.clearmlmigrator.relink;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** A journal in a map, as the migrator's database keeps it: an entry recorded twice keeps the first. */
final class InMemoryJournal implements RelinkJournal {
    final Map<String, JournalEntry> entries = new HashMap<>();
    final Set<String> startedTasks = new HashSet<>();
    final Set<String> undoneParts = new HashSet<>();
    int lookups;

    @Override
    public Map<String, JournalEntry> find(String migrationId, String target, Collection<String> documentIds) {
        lookups++;
        Map<String, JournalEntry> found = new HashMap<>();
        documentIds.forEach(id -> {
            JournalEntry entry = entries.get(migrationId + "/" + target + "/" + id);
            if (entry != null) {
                found.put(id, entry);
            }
        });
        return found;
    }

    @Override
    public void forEachBatch(String migrationId, String target, int size, Consumer<List<JournalEntry>> work) {
        List<JournalEntry> all = entries.values().stream()
                .filter(e -> e.migrationId().equals(migrationId) && e.target().equals(target))
                .toList();
        for (int from = 0; from < all.size(); from += size) {
            work.accept(all.subList(from, Math.min(all.size(), from + size)));
        }
    }

    @Override
    public Map<String, JournalEntry> record(List<JournalEntry> newEntries) {
        Map<String, JournalEntry> kept = new HashMap<>();
        newEntries.forEach(e -> {
            JournalEntry existing = entries.putIfAbsent(e.id(), e);
            if (existing != null) {
                kept.put(e.documentId(), existing);
            }
        });
        return kept;
    }

    @Override
    public boolean markStarted(String taskId) {
        return startedTasks.add(taskId);
    }

    @Override
    public void markUndone(String relinkId, String target) {
        undoneParts.add(relinkId + "/" + target);
    }

    @Override
    public boolean isUndone(String relinkId, String target) {
        return undoneParts.contains(relinkId + "/" + target);
    }
}
