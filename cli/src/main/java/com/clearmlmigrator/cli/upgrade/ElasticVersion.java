package com.clearmlmigrator.cli.upgrade;

/** An Elasticsearch release, as its data folder records it (a version id such as 5061699 for 5.6.16). */
public record ElasticVersion(int major, int minor, int revision) implements Comparable<ElasticVersion> {

    /** The releases whose nodes this project runs: the only ones that can open a folder, or write one. */
    public static final ElasticVersion OUR_5 = new ElasticVersion(5, 6, 16);

    public static final ElasticVersion OUR_7 = new ElasticVersion(7, 10, 2);
    public static final ElasticVersion OUR_8 = new ElasticVersion(8, 15, 3);

    /** From Elasticsearch's id: major * 1,000,000 + minor * 10,000 + revision * 100 + build. */
    public static ElasticVersion ofId(long id) {
        return new ElasticVersion((int) (id / 1_000_000), (int) (id / 10_000 % 100), (int) (id / 100 % 100));
    }

    /** This project's node of a major version. */
    public static ElasticVersion ours(int major) {
        return switch (major) {
            case 5 -> OUR_5;
            case 7 -> OUR_7;
            case 8 -> OUR_8;
            default -> throw new IllegalArgumentException("No Elasticsearch " + major + " node here");
        };
    }

    @Override
    public int compareTo(ElasticVersion other) {
        return Integer.compare(id(), other.id());
    }

    private int id() {
        return major * 1_000_000 + minor * 10_000 + revision * 100;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + revision;
    }
}
