package com.clearmlmigrator.relink;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a relink changes in one document, recorded before the document is written. A replayed task finds the entry and
 * reconciles instead of rewriting: the rule alone would rewrite {@code http://a/x} to {@code http://a/b/x} and then to
 * {@code http://a/b/b/x} when the new prefix extends the old one.
 *
 * @param migrationId the relink migration
 * @param target      collection or index
 * @param documentId  the document's {@code _id}
 * @param changes     every value changed, with its previous content
 * @param routing     the document's routing value, needed to read it back from ES 5.6; null otherwise
 */
public record JournalEntry(
        String migrationId, String target, String documentId, List<FieldChange> changes, String routing) {

    public JournalEntry(String migrationId, String target, String documentId, List<FieldChange> changes) {
        this(migrationId, target, documentId, changes, null);
    }

    public JournalEntry {
        Objects.requireNonNull(migrationId, "migrationId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(documentId, "documentId");
        changes = List.copyOf(changes);
    }

    /** Deterministic id: one entry per migration, target and document. */
    public String id() {
        return migrationId + "/" + target + "/" + documentId;
    }

    /** Where the document stands against the journaled change. */
    public enum State {
        /** Every value still holds its previous content: write it. */
        TO_APPLY,
        /** Every value already holds its new content: an earlier delivery wrote it. */
        APPLIED,
        /** Some value holds neither: someone else changed it since; leave it alone and report it. */
        CONFLICT
    }

    /** Compares the document's current values with the journal. */
    public State stateOf(Map<String, Object> document) {
        if (changes.stream()
                .allMatch(c -> Objects.equals(numberSafe(DocumentPaths.get(document, c.path())), c.before()))) {
            return State.TO_APPLY;
        }
        if (changes.stream()
                .allMatch(c -> Objects.equals(numberSafe(DocumentPaths.get(document, c.path())), c.after()))) {
            return State.APPLIED;
        }
        return State.CONFLICT;
    }

    /** The document as it was before the change: a copy with every journaled value as it was. */
    public Map<String, Object> before(Map<String, Object> document) {
        Map<String, Object> before = DocumentPaths.copy(document);
        changes.forEach(change -> DocumentPaths.set(before, change.path(), change.before()));
        return before;
    }

    /** The entry that undoes this one: every change reversed. */
    public JournalEntry reversed() {
        List<FieldChange> reversedChanges =
                changes.stream().map(FieldChange::reversed).toList();
        return new JournalEntry(migrationId, target, documentId, reversedChanges, routing);
    }

    /** Stores hand back numbers as Integer, Long or Double; plot lengths compare as ints. */
    private static Object numberSafe(Object value) {
        return value instanceof Number n && !(value instanceof Integer) ? (Object) n.intValue() : value;
    }
}
