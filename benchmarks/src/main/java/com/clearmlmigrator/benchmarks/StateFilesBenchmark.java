package com.clearmlmigrator.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Supplier;

import com.clearmlmigrator.cli.files.FileServerFolder;
import com.clearmlmigrator.cli.files.StateFilesRelink;

/**
 * The dataset state files' part of a relink on a file server's folder of realistic size: one dataset of
 * {@code -Dlinks} external files (a million: a state file of about 145 MB) among {@code -Dfiles} other files (debug
 * images, 300,000), timed for the census, the dry run, the relink and its undo, with the heap they needed (run it
 * with a small {@code -Xmx} to see that the files are streamed). Prints its figures; asserts only that the undo gave
 * the file back to the byte.
 */
public final class StateFilesBenchmark {
    private static final String OLD = "s3://old-bucket";
    private static final String NEW = "s3://new-bucket";

    private StateFilesBenchmark() {}

    public static void main(String[] args) throws Exception {
        int links = Integer.getInteger("links", 1_000_000);
        int files = Integer.getInteger("files", 300_000);
        Path folder = Files.createTempDirectory("state-files-benchmark");
        Path state = folder.resolve("Vision/.datasets/images/images.abc123/artifacts/state/state.json");
        long written = writeStateFile(state, links);
        writeOtherFiles(folder, files);
        System.out.printf(
                "Folder %s: a state file of %,d links (%,d bytes) among %,d other files; heap limit %,d MB%n",
                folder, links, written, files, Runtime.getRuntime().maxMemory() / 1_000_000);
        String before = sha256(state);
        StateFilesRelink relink = new StateFilesRelink(FileServerFolder.at(folder));

        time("census", () -> relink.census().origins());
        time("dry run", () -> relink.relink("bench", OLD, NEW, true).links() + " links would change");
        time("relink", () -> relink.relink("bench", OLD, NEW, false).links() + " links changed");
        time("undo", () -> relink.undo("bench").changed() + " file restored");

        if (!sha256(state).equals(before)) {
            throw new IllegalStateException("The undo did not give the state file back as it was");
        }
        System.out.println("The undo gave the state file back to the byte.");
    }

    private static void time(String step, Supplier<Object> work) {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        Object outcome = work.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        System.out.printf("  %-8s %,7d ms   peak heap %,5d MB   %s%n", step, millis, peakHeap / 1_000_000, outcome);
    }

    /** As ClearML's SDK writes it: json.dump of the state, link entries in order. */
    private static long writeStateFile(Path state, int links) throws IOException {
        Files.createDirectories(state.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(state, StandardCharsets.US_ASCII)) {
            out.write("{\"file_count\": " + links + ", \"total_size\": " + links * 123_456L
                    + ", \"dataset_file_entries\": [], \"dataset_link_entries\": [");
            for (int i = 0; i < links; i++) {
                out.write(String.format(
                        "%s{\"link\": \"%s/images/train/%08d.jpg\", \"relative_path\": \"images/train/%08d.jpg\","
                                + " \"parent_dataset_id\": \"abc123\", \"size\": 123456}",
                        i == 0 ? "" : ", ", OLD, i, i));
            }
            out.write("], \"dependency_graph\": {\"abc123\": []}, \"id\": \"abc123\", \"dirty\": false}");
        }
        return Files.size(state);
    }

    /** Debug images under the tasks' folders, 100 a folder: what the walk goes through. */
    private static void writeOtherFiles(Path folder, int files) throws IOException {
        for (int i = 0; i < files; i++) {
            Path task = folder.resolve("Vision/train " + (i / 100) + ".task" + (i / 100) + "/metrics/debug");
            if (i % 100 == 0) {
                Files.createDirectories(task);
            }
            Files.createFile(task.resolve("img_" + i % 100 + ".png"));
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
