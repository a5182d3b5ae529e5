package com.clearmlmigrator.localservers;

import java.time.Duration;
import java.util.List;

/**
 * A process to start: its name (also the name of its log and PID files), its command line and how to tell it is ready.
 */
public record ProcessSpec(String name, List<String> command, Readiness readiness, Duration startTimeout) {
    public ProcessSpec {
        command = List.copyOf(command);
    }
}
