package com.clearmlmigrator.cli.files;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The origins the external-file links of one place's dataset state files start with, most linked first.
 *
 * @param place    the file server's folder, or a bucket
 * @param files    state files read
 * @param origins  links by origin
 * @param problems files that could not be read, each with why
 */
public record StateFilesCensus(
        StateFilePlace.Description place, int files, Map<String, Long> origins, List<String> problems) {
    public StateFilesCensus {
        origins = Map.copyOf(origins);
        problems = List.copyOf(problems);
    }

    /** What the operator reads after the stores' inspection. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (origins.isEmpty()) {
            lines.add("Dataset state files under " + place.where() + ": " + files + " read, no external-file links.");
        } else {
            lines.add("Dataset state files under " + place.where() + ": " + files + " read; their external-file links"
                    + " start with (relink them with " + place.option() + "):");
            origins.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(origin -> lines.add(String.format("  %-48s %,d", origin.getKey(), origin.getValue())));
        }
        problems.forEach(problem -> lines.add("  Not read: " + problem));
        return lines;
    }
}
