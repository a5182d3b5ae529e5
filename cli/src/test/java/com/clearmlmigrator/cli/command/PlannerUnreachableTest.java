package com.clearmlmigrator.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.cli.ClearmlMigrator;
import com.clearmlmigrator.cli.ExitCode;

import picocli.CommandLine;

class PlannerUnreachableTest {
    @Test
    void aPlannerThatDoesNotAnswerIsExitCode6WithASentenceSayingWhereItWasLookedFor() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command =
                ClearmlMigrator.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));

        int code = command.execute("list", "--planner", "http://127.0.0.1:" + closed);

        assertThat(code).isEqualTo(ExitCode.PLANNER_UNREACHABLE);
        assertThat(err.toString())
                .startsWith("The planner at http://127.0.0.1:" + closed + "/ does not answer")
                .contains("CLEARML_MIGRATOR_URL");
        assertThat(out.toString()).isEmpty();
    }
}
