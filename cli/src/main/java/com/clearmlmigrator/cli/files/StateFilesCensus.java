package com.clearmlmigrator.cli.files;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

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
    /** Where the counts stand when every origin is shorter: a host and port, or a bucket. */
    private static final int ORIGIN_WIDTH = 48;

    public StateFilesCensus {
        origins = Map.copyOf(origins);
        problems = List.copyOf(problems);
    }

    /** What the planner is told, so that the inspection's view, its report and the dashboard show it. */
    public Map<String, Object> toOutcome() {
        Map<String, Object> outcome = StateFilesReport.outcomeIn(place, false, true);
        outcome.put("files", files);
        outcome.put("problems", problems);
        outcome.put(
                "origins",
                mostLinkedFirst()
                        .map(origin -> Map.of("origin", origin.getKey(), "links", origin.getValue()))
                        .toList());
        return outcome;
    }

    /** A census as the planner keeps it (what {@link #toOutcome} told it), to read again with the inspection. */
    public static StateFilesCensus told(JsonNode outcome) {
        Map<String, Long> origins = new LinkedHashMap<>();
        outcome.path("origins")
                .forEach(origin -> origins.put(
                        origin.path("origin").asText(), origin.path("links").asLong()));
        return new StateFilesCensus(
                StateFilesReport.toldPlace(outcome),
                outcome.path("files").asInt(),
                origins,
                StateFilesReport.toldProblems(outcome));
    }

    /** What the operator reads after the stores' inspection. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (origins.isEmpty()) {
            lines.add("Dataset state files under " + place.where() + ": " + files + " read, no external-file links.");
        } else {
            lines.add("Dataset state files under " + place.where() + ": " + files + " read; their external-file links"
                    + " start with (relink them with " + place.option() + "):");
            // Counts in one column, and an origin whole however long: a relink's --from is copied from it.
            int width = Math.max(
                    ORIGIN_WIDTH,
                    origins.keySet().stream().mapToInt(String::length).max().orElse(0));
            mostLinkedFirst()
                    .forEach(origin ->
                            lines.add(String.format("  %-" + width + "s %,d", origin.getKey(), origin.getValue())));
        }
        problems.forEach(problem -> lines.add("  Not read: " + problem));
        return lines;
    }

    private Stream<Map.Entry<String, Long>> mostLinkedFirst() {
        return origins.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()));
    }
}
