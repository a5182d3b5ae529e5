package com.clearmlmigrator.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.clearmlmigrator.cli.ClearmlMigrator;
import com.clearmlmigrator.cli.files.FileServerFolder;
import com.clearmlmigrator.cli.files.StateFilesReport;
import com.clearmlmigrator.cli.planner.PlannerClient;
import com.clearmlmigrator.cli.planner.StandInPlanner;

import picocli.CommandLine;

/** Telling the planner what was done to a place's state files, over real HTTP to a stand-in planner. */
class StateFileOptionsTest {
    private static final String REFUSAL =
            "{\"error\":\"Migration m1 is of kind es-copy; only a relink, its undo and an inspection reach dataset"
                    + " state files.\"}";

    @TempDir
    Path fileServer;

    @Test
    void aPlannerThatRefusesIsToldBothTimesButNamedOnceAtTheEnd() throws IOException {
        AtomicInteger told = new AtomicInteger();
        try (StandInPlanner planner = new StandInPlanner("/migrations/m1/state-files", exchange -> {
            told.incrementAndGet();
            byte[] body = REFUSAL.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(409, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        })) {
            StringWriter out = new StringWriter();
            CommandLine command = ClearmlMigrator.commandLine().setOut(new PrintWriter(out));
            PlannerClient client = planner.client(Duration.ofSeconds(10));
            FileServerFolder place = FileServerFolder.at(fileServer);

            StateFileOptions.tellBegun(client, "m1", place, false);
            StateFileOptions.tell(
                    command.getCommandSpec(),
                    false,
                    client,
                    "m1",
                    new StateFilesReport(place.description(), 0, 0, 0, 0, List.of(), false));

            assertThat(told).hasValue(2);
            assertThat(out.toString())
                    .containsOnlyOnce("(The planner did not take what was done here: ")
                    .contains("is of kind es-copy");
        }
    }
}
