package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.clearmlmigrator.localservers.RepoLayout;

/**
 * The clearml-migrator command in a process of its own, {@code java -jar clearml-migrator.jar}, as an operator's shell
 * runs it: so that a test can kill it mid-way, which a command run in the test's JVM ({@link CommandRun}) cannot be.
 */
final class CommandProcess implements AutoCloseable {
    private final Process process;
    private final StringBuffer console = new StringBuffer();

    private CommandProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readConsole, "command-console");
        reader.setDaemon(true);
        reader.start();
    }

    /** @param environment added to this JVM's, as an operator exports credentials before the command */
    static CommandProcess start(Map<String, String> environment, List<String> args) throws IOException {
        Path root = RepoLayout.locate().root();
        Path jar = root.resolve("cli/target/clearml-migrator.jar");
        assertThat(jar).as("the cli module is packaged before this module").exists();
        List<String> command =
                new ArrayList<>(List.of(javaBinary(), "-Dclearml-migrator.root=" + root, "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new CommandProcess(builder.start());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no hook runs; what it started runs on. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(console()).isTrue();
        return process.exitValue();
    }

    String console() {
        return console.toString();
    }

    /** Ends the command if it still runs and prints its console. */
    @Override
    public void close() {
        process.destroyForcibly();
        System.out.println(console());
    }

    private void readConsole() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                console.append(line).append('\n');
            }
        } catch (IOException e) {
            console.append("(console unreadable: ").append(e.getMessage()).append(")\n");
        }
    }

    private static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }
}
