package com.clearmlmigrator.planner.catalog;

import java.util.Collection;
import java.util.List;

/** Index names as the planners' error sentences give them: counted in the right number, and only the first few. */
public final class IndexNames {
    private static final int LISTED_NAMES = 10;

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
