package com.clearmlmigrator.cli.upgrade;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The upgrade's console output kept in a file as well ({@code upgrade_elastic_<date_time>.log} in the working folder, as
 * ClearML's procedure keeps its own), so what happened in the maintenance window can be read afterwards.
 */
public final class UpgradeLog implements AutoCloseable {
    private final Path file;
    private final Writer fileWriter;
    private final PrintWriter both;

    private UpgradeLog(Path file, Writer fileWriter, PrintWriter console) {
        this.file = file;
        this.fileWriter = fileWriter;
        this.both = new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                console.write(chars, offset, length);
                fileWriter.write(chars, offset, length);
            }

            @Override
            public void flush() throws IOException {
                console.flush();
                fileWriter.flush();
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
    }

    public static UpgradeLog open(Path folder, String stamp, PrintWriter console) throws IOException {
        Path file = folder.toAbsolutePath().normalize().resolve("upgrade_elastic_" + stamp + ".log");
        return new UpgradeLog(file, Files.newBufferedWriter(file), console);
    }

    public Path file() {
        return file;
    }

    /** Writes to the console and the file. */
    public PrintWriter out() {
        return both;
    }

    /** Writes to the file only: what would clutter the console, such as a progress line every few seconds. */
    public PrintWriter fileOnly() {
        return new PrintWriter(fileWriter, true);
    }

    @Override
    public void close() throws IOException {
        both.flush();
        fileWriter.close();
    }
}
