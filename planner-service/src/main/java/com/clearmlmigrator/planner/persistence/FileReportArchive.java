package com.clearmlmigrator.planner.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.planner.config.PlannerConfig;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.ReportArchive;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * Writes each finished migration's report as {@code <kind>-<yyyyMMdd-HHmmss>-<id>.json} into {@code
 * planner.report-dir}, like the log file ClearML's own scripts leave behind.
 */
@ApplicationScoped
public class FileReportArchive implements ReportArchive {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final ObjectMapper json;

    public FileReportArchive(PlannerConfig config, ObjectMapper json) {
        this.directory = Path.of(config.reportDir());
        this.json = json;
    }

    @Override
    public void store(Migration migration, Object report) {
        Path file = directory.resolve(migration.kind().wireName() + "-" + STAMP.format(migration.updatedAt()) + "-"
                + migration.id() + ".json");
        try {
            Files.createDirectories(directory);
            Files.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
            Log.infof("Report of migration %s written to %s", migration.id(), file.toAbsolutePath());
        } catch (IOException e) {
            Log.warnf("Report of migration %s could not be written to %s: %s", migration.id(), file, e.getMessage());
        }
    }
}
