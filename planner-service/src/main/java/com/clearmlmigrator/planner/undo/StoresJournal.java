package com.clearmlmigrator.planner.undo;

import java.time.Instant;
import java.util.Optional;

/**
 * The journal the workers keep of a relink's changes to the stores, in the migrator's own database: the previous value
 * of every value it changed, which its undo restores.
 */
public interface StoresJournal {
    /** How many documents' previous values it keeps for the relink. */
    long entries(String relinkId);

    /** How many documents of one collection or index it keeps the previous values of, for the relink. */
    long entries(String relinkId, String target);

    /** When the relink's journal was forgotten, if it was. */
    Optional<Instant> forgottenAt(String relinkId);

    /**
     * Marks the relink's journal forgotten (told again, the first time is kept), then removes its entries.
     *
     * @return the entries removed now
     */
    long forget(String relinkId, Instant at);
}
