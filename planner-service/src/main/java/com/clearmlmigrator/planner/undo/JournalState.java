package com.clearmlmigrator.planner.undo;

import java.time.Instant;

/**
 * What a relink's journal in the stores holds for its undo.
 *
 * @param entries   documents whose previous values it keeps (after a forget: those it removed then)
 * @param forgotten when {@code forget} removed it, or null while it is kept
 */
public record JournalState(long entries, Instant forgotten) {}
