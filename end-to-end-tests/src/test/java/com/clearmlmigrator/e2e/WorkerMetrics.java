package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.RunningSystem.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The Prometheus metrics the services serve at {@code /q/metrics}, as a scrape reads them. */
final class WorkerMetrics {
    private WorkerMetrics() {}

    /**
     * Every copy of a worker that answers, one after the other: the fault tests may have killed the system's own copy
     * and started others, and a migration's tasks went to whichever copies were alive.
     */
    static String scrapeWorkers(String module, int firstPort) {
        List<Integer> ports = ServiceFaults.answeringPorts(module, firstPort);
        assertThat(ports).as("copies of " + module + " that answer").isNotEmpty();
        return ports.stream().map(WorkerMetrics::scrape).collect(Collectors.joining("\n"));
    }

    static String scrape(int port) {
        return given().baseUri("http://127.0.0.1")
                .port(port)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The sum of the series whose name and labels match, over every copy scraped; fails when none has it. */
    static double value(String scraped, String series) {
        Matcher line = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scraped);
        double sum = 0;
        boolean found = false;
        while (line.find()) {
            found = true;
            sum += Double.parseDouble(line.group(1));
        }
        assertThat(found)
                .as(series + " in\n"
                        + scraped.lines().filter(l -> l.startsWith("migrator")).toList())
                .isTrue();
        return sum;
    }
}
