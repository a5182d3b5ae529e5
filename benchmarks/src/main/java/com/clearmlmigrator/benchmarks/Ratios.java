package com.clearmlmigrator.benchmarks;

import java.util.List;

/** How many times faster our side was, over several rounds. */
final class Ratios {
    private Ratios() {}

    /**
     * Prints the median of the rounds' ratios and their range. Runs on two shared cores move by a fifth from one to the
     * next; the median of several says more than any one of them. Prints nothing for fewer than two.
     */
    static String roundName(int round) {
        return "Round " + round + (round == 1 ? " (freshly started servers and services)" : " (warm)");
    }

    /**
     * The figure an operator meets first: the first round, on freshly started servers and services; then the warm
     * rounds' median beside it.
     */
    static void printHeadline(String job, double firstRound, List<Double> warm) {
        System.out.printf("=> %s, first round: %.2fx%n", job, firstRound);
        printMedian(job + ", warm", warm);
    }

    static void printMedian(String job, List<Double> ratios) {
        if (ratios.size() < 2) {
            return;
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        System.out.printf(
                "=> %s, %d rounds: median %.2fx (from %.2fx to %.2fx)%n%n",
                job, ratios.size(), median, sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
