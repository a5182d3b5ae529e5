package com.clearmlmigrator.cli.upgrade;

import java.util.List;

/**
 * A move from the data folder of one Elasticsearch major version to a new folder for another, with the names the
 * ClearML compose files give the node on each side: trains-server 0.15 ran ES 5.6 as {@code trains}, ClearML runs ES 7
 * and 8 as {@code clearml}. A node's names are not stored in its folder, so these only keep the logs familiar.
 */
public record UpgradeStep(int from, int to) {
    public static final List<UpgradeStep> SUPPORTED =
            List.of(new UpgradeStep(5, 7), new UpgradeStep(5, 8), new UpgradeStep(7, 8));

    /** The step ClearML's own procedure takes from a folder: 5 to 7 (trains 0.16), 7 to 8 (ClearML 1.17). */
    public static UpgradeStep defaultFrom(int from) {
        return new UpgradeStep(from, from == 5 ? 7 : 8);
    }

    public boolean isSupported() {
        return SUPPORTED.contains(this);
    }

    public String sourceNodeName() {
        return from == 5 ? "trains" : "clearml";
    }

    public String targetNodeName() {
        return "clearml";
    }

    /** The release that writes the new folder; a server opens it only with this release or a newer one. */
    public ElasticVersion written() {
        return ElasticVersion.writer(to);
    }

    /** The release that opens the old folder: the newest of its line the project runs. */
    public ElasticVersion read() {
        return ElasticVersion.reader(from);
    }
}
