package com.clearmlmigrator.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The peer most operators find first: elasticdump (npm), copying each index from one cluster to the other, as many
 * indices at once as the host has cores (what its {@code multielasticdump} does), with the settings its maintainers
 * give for bulk copies: larger batches ({@code --limit}) and no refresh of the source.
 */
final class Elasticdump {
    static final int LIMIT = 5000;
    static final int PARALLEL = Runtime.getRuntime().availableProcessors();

    private final Path binary;

    private Elasticdump(Path binary) {
        this.binary = binary;
    }

    /** The elasticdump at {@code path}, when one is there. */
    static Optional<Elasticdump> located(String path) {
        return path == null || !Files.isExecutable(Path.of(path))
                ? Optional.empty()
                : Optional.of(new Elasticdump(Path.of(path)));
    }

    String version() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary.toString(), "--version")
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor();
        return out;
    }

    /** Copies every index's documents, {@link #PARALLEL} indices at a time; returns the seconds it took. */
    double copy(String sourceUrl, String targetUrl, List<String> indices) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        long start = System.nanoTime();
        try {
            List<Future<?>> copies = new ArrayList<>();
            for (String index : indices) {
                copies.add(pool.submit(() -> copyIndex(sourceUrl, targetUrl, index)));
            }
            for (Future<?> copy : copies) {
                copy.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private Void copyIndex(String sourceUrl, String targetUrl, String index) throws IOException, InterruptedException {
        Path log = Files.createTempFile("elasticdump-" + index, ".log");
        Process process = new ProcessBuilder(
                        binary.toString(),
                        "--input=" + sourceUrl + "/" + index,
                        "--output=" + targetUrl + "/" + index,
                        "--type=data",
                        "--limit=" + LIMIT,
                        "--noRefresh")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("elasticdump of " + index + " ended with " + exit + "; its output: " + log);
        }
        Files.delete(log);
        return null;
    }
}
