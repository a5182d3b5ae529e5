package com.clearmlmigrator.contracts;

/**
 * What an es-copy writes into the mapping's {@code _meta} of each index it creates on the target, under
 * {@link #META_KEY}: the migration that created it and how far its copy got. The elastic-worker writes it; the planner
 * reads it, so that {@code "ifTargetExists": "skip"} leaves alone only indices that are whole, and copies again one that
 * an ended, cancelled or crashed copy left {@link #COPYING}. Indices copied before 2026-12-05 carry no state.
 */
public final class CopyMark {
    public static final String META_KEY = "clearml_migrator";
    /** The id of the migration that created the index. */
    public static final String MIGRATION = "migration";
    /** {@link #COPYING} or {@link #VERIFIED}. */
    public static final String STATE = "state";
    /** Created, and not (yet) verified equal to its source. */
    public static final String COPYING = "copying";
    /** Every document verified equal to its source. */
    public static final String VERIFIED = "verified";

    private CopyMark() {}
}
