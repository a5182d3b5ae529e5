package com.clearmlmigrator.planner.catalog;

import java.util.Collection;
import java.util.List;

/** Index names as the planners' error sentences give them: counted in the right number, and only the first few. */
public final class IndexNames {
    private static final int LISTED_NAMES = 10;

    /**
     * What to do of a red index that stayed red while planning waited for shards to open. A primary may be lost, or
     * still opening a translog longer than the wait: say how to tell.
     */
    public static final String RED_ADVICE = "Bring its primary shard back (GET /_cluster/allocation/explain says why it"
            + " is unassigned), or, if GET /_cluster/health shows initializing_shards above 0, wait until Elasticsearch"
            + " has opened it.";

    private IndexNames() {}

    /** "1 red index", "3 red indices". */
    public static String counted(int count, String kind) {
        return count + " " + kind + (count == 1 ? " index" : " indices");
    }

    /** The first few names, sorted, and "..." when there are more. */
    public static String listed(Collection<String> names) {
        List<String> sorted = names.stream().sorted().toList();
        String shown = String.join(", ", sorted.subList(0, Math.min(LISTED_NAMES, sorted.size())));
        return sorted.size() > LISTED_NAMES ? shown + ", ..." : shown;
    }
}
