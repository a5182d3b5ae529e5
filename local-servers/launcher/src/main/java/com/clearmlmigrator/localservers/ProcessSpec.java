package com.clearmlmigrator.localservers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A process to start: its name (also the name of its log and PID files), its command line, what it finds in its
 * environment besides this JVM's, and how to tell it is ready. Secrets go in the environment: any user of the host can
 * read a command line ({@code ps}), only its owner the environment.
 */
public record ProcessSpec(
        String name,
        List<String> command,
        Map<String, String> environment,
        Readiness readiness,
        Duration startTimeout) {
    public ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    public ProcessSpec(String name, List<String> command, Readiness readiness, Duration startTimeout) {
        this(name, command, Map.of(), readiness, startTimeout);
    }
}
