package com.clearmlmigrator.e2e;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.clearmlmigrator.cli.ClearmlMigrator;

/** {@code upgrade-elastic} run as the operator types it, and what it leaves beside the old folder. */
final class UpgradeCommand {
    private UpgradeCommand() {}

    record Run(int code, String out) {}

    /** The command with small heaps, its state and its log in {@code work}; the console is printed too. */
    static Run run(Path work, String... args) {
        StringWriter out = new StringWriter();
        List<String> arguments = new ArrayList<>(List.of("upgrade-elastic"));
        arguments.addAll(List.of(args));
        arguments.addAll(List.of(
                "--heap", "256m", "--state-dir", work.resolve("state").toString(), "--log-dir", work.toString()));
        int code = ClearmlMigrator.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(out))
                .execute(arguments.toArray(String[]::new));
        // The operator's console, in the test's output.
        System.out.println(out);
        return new Run(code, out.toString());
    }

    /** Every file of a folder by its path inside it, with its SHA-256. */
    static Map<String, String> checksums(Path folder) {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                sums.put(folder.relativize(file).toString(), HexFormat.of().formatHex(digest));
            }
            return sums;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A backup's manifest ({@code sha256sum} lines) as path to checksum. */
    static Map<String, String> manifestOf(Path backup) throws IOException {
        Map<String, String> manifest = new TreeMap<>();
        for (String line : Files.readAllLines(backup.resolveSibling(backup.getFileName() + ".sha256"))) {
            manifest.put(line.substring(66), line.substring(0, 64));
        }
        return manifest;
    }

    static List<String> siblings(Path folder) {
        try (Stream<Path> entries = Files.list(folder.getParent())) {
            return entries.map(path -> path.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one folder beside {@code folder} whose name starts with {@code prefix}. */
    static Path sibling(Path folder, String prefix) {
        return siblings(folder).stream()
                .filter(name -> name.startsWith(prefix) && !name.endsWith(".sha256"))
                .map(folder::resolveSibling)
                .reduce((first, second) -> {
                    throw new AssertionError("more than one " + prefix + ": " + first + ", " + second);
                })
                .orElseThrow(() -> new AssertionError("no " + prefix + " beside " + folder));
    }
}
