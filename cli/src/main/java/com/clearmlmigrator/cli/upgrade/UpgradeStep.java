package com.clearmlmigrator.cli.upgrade;

import java.util.List;

/**
 * A move from the data folder of one Elasticsearch major version to a new folder for another, with the names the
 * ClearML compose files give the node on each side: trains-server 0.15 ran ES 5.6 as {@code trains}, ClearML runs ES 7
 * and 8 as {@code clearml}. A node's names are not stored in its folder, so these only keep the logs familiar.
 */
public record UpgradeStep(ElasticVersion found, int to) {
    /** The major versions this command moves between: 5 to 7, 5 to 8, 7 to 8. */
    public static final List<List<Integer>> SUPPORTED = List.of(List.of(5, 7), List.of(5, 8), List.of(7, 8));

    /** The step ClearML's own procedure takes from a folder: 5 to 7 (trains 0.16), 7 to 8 (ClearML 1.17). */
    public static UpgradeStep defaultFrom(ElasticVersion found) {
        return new UpgradeStep(found, found.major() == 5 ? 7 : 8);
    }

    public int from() {
        return found.major();
    }

    public boolean isSupported() {
        return SUPPORTED.contains(List.of(from(), to));
    }

    public String sourceNodeName() {
        return from() == 5 ? "trains" : "clearml";
    }

    public String targetNodeName() {
        return "clearml";
    }

    /** The release that writes the new folder; a server opens it only with this release or a newer one. */
    public ElasticVersion written() {
        return ElasticVersion.writer(to);
    }

    /** The release that opens the old folder: the oldest the project runs that can. */
    public ElasticVersion read() {
        return ElasticVersion.readerOf(found)
                .orElseThrow(() -> new IllegalStateException("No node here opens a folder of " + found));
    }

    /** Whether opening the old folder leaves it for the reading release only: ES 7 records its release in it. */
    public boolean readingRaisesFolderRelease() {
        return found.major() >= 7 && read().compareTo(found) > 0;
    }
}
