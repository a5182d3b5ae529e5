package com.clearmlmigrator.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.localservers.LocalStack;

/**
 * The CPU time each process used while one side of a benchmark ran, as the operating system counts it. Here the
 * servers, the services and the benchmark share two cores, so a side's wall time depends on what every process spent;
 * the figures show where it went, and how much of the machine a side used.
 */
final class CpuMeter {
    /** The benchmark's own process: it drives the baselines, and runs the MongoDB one itself. */
    private static final String BENCHMARK = "benchmark";

    private static final double SHOWN_FROM_SECONDS = 0.05;

    private final LocalStack stack;
    private final Map<String, Duration> before;
    private final long startNanos;

    private CpuMeter(LocalStack stack) {
        this.stack = stack;
        this.before = cpuTimes(stack);
        this.startNanos = System.nanoTime();
    }

    static CpuMeter start(LocalStack stack) {
        return new CpuMeter(stack);
    }

    /**
     * One line: the CPU-seconds of every process that used a noticeable amount since {@link #start}, busiest first,
     * their total, and the cores that total filled over the elapsed time.
     */
    String summary() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        List<Map.Entry<String, Double>> used = new ArrayList<>();
        cpuTimes(stack).forEach((process, now) -> {
            Duration then = before.getOrDefault(process, Duration.ZERO);
            used.add(Map.entry(process, now.minus(then).toNanos() / 1e9));
        });
        used.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        List<String> shown = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Double> process : used) {
            total += process.getValue();
            if (process.getValue() >= SHOWN_FROM_SECONDS) {
                shown.add(String.format("%s %.1f", process.getKey(), process.getValue()));
            }
        }
        return String.format(
                "  CPU-s by process: %s; %.1f in all over %.1f s (%.1f of %d cores)",
                String.join(", ", shown),
                total,
                elapsed,
                total / elapsed,
                Runtime.getRuntime().availableProcessors());
    }

    private static Map<String, Duration> cpuTimes(LocalStack stack) {
        Map<String, Duration> times = new LinkedHashMap<>(stack.cpuTimes());
        ProcessHandle.current().info().totalCpuDuration().ifPresent(time -> times.put(BENCHMARK, time));
        return times;
    }
}
