package com.clearmlmigrator.cli.upgrade;

/** How long a step still takes, as the upgrade's progress lines say it. */
final class TimeLeft {
    private TimeLeft() {}

    /** {@code about 40 s left}, {@code about 12 min left}. */
    static String of(long seconds) {
        return "about " + (seconds < 90 ? seconds + " s" : Math.round(seconds / 60.0) + " min") + " left";
    }
}
