package com.clearmlmigrator.localservers;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one service and starts it again whenever it exits, until the supervisor itself is told to stop (SIGTERM), as
 * Docker's {@code restart: unless-stopped} does. A worker exits on purpose when its task consumer has died, so that it
 * comes back with a working one; a crash or a {@code kill -9} of the service is healed the same way. Restarts back off
 * from 1 s to 30 s while the service keeps dying young; a run of a minute or more starts the back-off again.
 *
 * <p>Usage: {@code Supervisor <name> <command...>}. The service inherits the supervisor's output (the service's log
 * file), where the supervisor also notes every restart.
 */
public final class Supervisor {
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final Duration HEALTHY_RUN = Duration.ofMinutes(1);
    private static final Duration STOP_GRACE = Duration.ofSeconds(25);

    private final String name;
    private final List<String> command;
    private volatile boolean stopping;
    private volatile Process service;

    private Supervisor(String name, List<String> command) {
        this.name = name;
        this.command = command;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Supervisor <name> <command...>");
            System.exit(2);
        }
        Supervisor supervisor = new Supervisor(args[0], Arrays.asList(args).subList(1, args.length));
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stop));
        supervisor.run();
    }

    private void run() throws Exception {
        Duration pause = FIRST_PAUSE;
        for (int restarts = 0; !stopping; restarts++) {
            Instant started = Instant.now();
            service = new ProcessBuilder(command).inheritIO().start();
            int status = service.waitFor();
            if (stopping) {
                return;
            }
            pause = Duration.between(started, Instant.now()).compareTo(HEALTHY_RUN) >= 0 ? FIRST_PAUSE : pause;
            System.out.printf(
                    "%s supervisor: %s exited with status %d; starting it again in %d s (restart %d)%n",
                    Instant.now(), name, status, pause.toSeconds(), restarts + 1);
            System.out.flush();
            Thread.sleep(pause.toMillis());
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /** Stops the service (SIGTERM, then SIGKILL after a grace period) and does not start it again. */
    private void stop() {
        stopping = true;
        Process running = service;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
