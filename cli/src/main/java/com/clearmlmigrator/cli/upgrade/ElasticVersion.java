package com.clearmlmigrator.cli.upgrade;

import java.util.List;
import java.util.Optional;

/** An Elasticsearch release, as its data folder records it (a version id such as 5061699 for 5.6.16). */
public record ElasticVersion(int major, int minor, int revision) implements Comparable<ElasticVersion> {

    /**
     * The releases of the nodes that open an old folder, oldest first. Each opens the folders its own release or an
     * older one of its line wrote, and records its own release in them: from then on an older node refuses the folder
     * (measured: 7.10.2 on a folder 7.17.18 opened fails with Lucene's IndexFormatTooNewException). So the oldest that
     * can is chosen, which for 7.6.2 (ClearML 0.16), 7.10.2 and 7.17.18 (ClearML 1.16) is the folder's own release.
     */
    public static final List<ElasticVersion> READERS = List.of(
            new ElasticVersion(5, 6, 16),
            new ElasticVersion(7, 6, 2),
            new ElasticVersion(7, 10, 2),
            new ElasticVersion(7, 17, 18));

    public static final ElasticVersion READS_5 = READERS.get(0);

    /**
     * The releases of the nodes that write a new folder: the oldest ClearML ships of that line, so that every ClearML
     * server of it opens the folder (0.16 runs 7.6.2, 1.17 runs 8.15.3).
     */
    public static final ElasticVersion WRITES_7 = new ElasticVersion(7, 6, 2);

    public static final ElasticVersion WRITES_8 = new ElasticVersion(8, 15, 3);

    /** From Elasticsearch's id: major * 1,000,000 + minor * 10,000 + revision * 100 + build. */
    public static ElasticVersion ofId(long id) {
        return new ElasticVersion((int) (id / 1_000_000), (int) (id / 10_000 % 100), (int) (id / 100 % 100));
    }

    /** The project's node that opens a folder this release wrote: the oldest of its line that can. */
    public static Optional<ElasticVersion> readerOf(ElasticVersion written) {
        return READERS.stream()
                .filter(reader -> reader.major == written.major && reader.compareTo(written) >= 0)
                .findFirst();
    }

    /** The newest folder of a line that the project's nodes open. */
    public static ElasticVersion newestReadable(int major) {
        return READERS.stream()
                .filter(reader -> reader.major == major)
                .reduce((older, newer) -> newer)
                .orElseThrow(
                        () -> new IllegalArgumentException("No node here opens Elasticsearch " + major + " folders"));
    }

    /** The project's node that writes new folders of a major version. */
    public static ElasticVersion writer(int major) {
        return switch (major) {
            case 7 -> WRITES_7;
            case 8 -> WRITES_8;
            default -> throw new IllegalArgumentException("No node here writes Elasticsearch " + major + " folders");
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
