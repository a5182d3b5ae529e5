package com.clearmlmigrator.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.clearmlmigrator.localservers.LocalStack;

/**
 * The peak resident memory (RSS, from {@code /proc/<pid>/status}) of some of the stack's processes while a run lasts,
 * sampled four times a second: what an operator sizes a container or a host by.
 */
final class RssMeter implements AutoCloseable {
    /** The migrator's own processes, which the issue of memory is about; the servers are the operator's. */
    static final List<String> SERVICES =
            List.of(LocalStack.PLANNER, LocalStack.MONGO_WORKER, LocalStack.ELASTIC_WORKER);

    private final Map<String, Long> peakKilobytes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "rss-meter");
        thread.setDaemon(true);
        return thread;
    });

    private RssMeter(LocalStack stack, List<String> processes) {
        Map<String, Long> pids = new LinkedHashMap<>();
        processes.forEach(name -> pids.put(name, stack.process(name).service().pid()));
        sampler.scheduleAtFixedRate(
                () -> pids.forEach((name, pid) -> peakKilobytes.merge(name, rssKilobytes(pid), Math::max)),
                0,
                250,
                TimeUnit.MILLISECONDS);
    }

    static RssMeter start(LocalStack stack, List<String> processes) {
        return new RssMeter(stack, processes);
    }

    /** One line: each process's peak RSS so far, in megabytes. */
    String summary() {
        StringBuilder line = new StringBuilder("  Peak RSS:");
        peakKilobytes.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> line.append(String.format(" %s %d MB,", e.getKey(), e.getValue() / 1024)));
        line.setLength(line.length() - 1);
        return line.toString();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    private static long rssKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The process ended or the system has no /proc: nothing to count.
        }
        return 0;
    }
}
