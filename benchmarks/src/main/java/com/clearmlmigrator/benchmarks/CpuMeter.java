package com.clearmlmigrator.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.clearmlmigrator.localservers.LocalStack;

/**
 * The CPU time each process used while one side of a benchmark ran, as the operating system counts it. Here the
 * servers, the services and the benchmark share two cores, so a side's wall time depends on what every process spent;
 * the figures show where it went, and how much of the machine a side used.
 */
final class CpuMeter {
    /** The benchmark's own process: it drives the baselines, and runs the MongoDB one itself. */
    private static final String BENCHMARK = "benchmark";

    /** Commands the benchmark ran and waited for, unless a side names them. */
    private static final String COMMANDS = "commands run by the benchmark";

    // Linux counts CPU in clock ticks of 1/100 s (USER_HZ, the same on every architecture Java runs on).
    private static final double TICKS_PER_SECOND = 100;

    private static final double SHOWN_FROM_SECONDS = 0.05;

    private final LocalStack stack;
    private final Map<String, Duration> before;
    private final long startNanos;

    private final String commands;

    private CpuMeter(LocalStack stack, String commands) {
        this.stack = stack;
        this.commands = commands;
        this.before = cpuTimes();
        this.startNanos = System.nanoTime();
    }

    static CpuMeter start(LocalStack stack) {
        return new CpuMeter(stack, COMMANDS);
    }

    /** As {@link #start(LocalStack)}, for a side that runs a peer as commands: their CPU is shown under its name. */
    static CpuMeter start(LocalStack stack, String commands) {
        return new CpuMeter(stack, commands);
    }

    /**
     * One line: the CPU-seconds of every process that used a noticeable amount since {@link #start}, busiest first,
     * their total, and the cores that total filled over the elapsed time.
     */
    String summary() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        List<Map.Entry<String, Double>> used = new ArrayList<>();
        cpuTimes().forEach((process, now) -> {
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

    private Map<String, Duration> cpuTimes() {
        Map<String, Duration> times = new LinkedHashMap<>(stack.cpuTimes());
        ProcessHandle.current().info().totalCpuDuration().ifPresent(time -> times.put(BENCHMARK, time));
        waitedForChildren().ifPresent(time -> times.put(commands, time));
        return times;
    }

    /**
     * The CPU time of the benchmark's child processes that have ended and been waited for ({@code cutime + cstime} of
     * {@code /proc/self/stat}): a peer run as a command is counted once its process ends. The servers are children too,
     * but none ends while a side is measured. Empty where there is no {@code /proc}.
     */
    private static Optional<Duration> waitedForChildren() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name, which is in parentheses and may hold spaces: state is the first of them,
            // cutime and cstime the 14th and 15th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            return Optional.of(Duration.ofNanos((long) (ticks / TICKS_PER_SECOND * 1e9)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
