package com.clearmlmigrator.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.localservers.ManagedProcess;

/** What the fault tests do to the running services: kill them as a crash would, start them or more copies again. */
final class ServiceFaults {
    private ServiceFaults() {}

    /** A loopback port nothing listens on now, for a second service copy or an unreachable host. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP ports of the copies the tests started, by module: the first copy may be killed, these take over. */
    private static final Map<String, List<Integer>> COPIES = new ConcurrentHashMap<>();

    /** Starts another copy of a worker, in the same consumer group as the first. */
    static void startSecondCopy(String module, String instance) {
        int port = freePort();
        RunningSystem.stack().startService(module, instance, port);
        COPIES.computeIfAbsent(module, m -> new CopyOnWriteArrayList<>()).add(port);
    }

    /** The HTTP ports where copies of a module answer now: the stack's own, unless a test killed it, and the others. */
    static List<Integer> answeringPorts(String module, int firstPort) {
        List<Integer> ports = new ArrayList<>(List.of(firstPort));
        ports.addAll(COPIES.getOrDefault(module, List.of()));
        return ports.stream().filter(ServiceFaults::answers).toList();
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code kill -9}, and waits until the process is gone. */
    static void kill(ManagedProcess process) {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    /** {@code kill -STOP}: the process stays, every thread of it stops, as a frozen VM or a stopped container's would. */
    static void freeze(ManagedProcess process) {
        signal("STOP", process);
    }

    /** {@code kill -CONT}: a frozen process goes on where it stopped. */
    static void thaw(ManagedProcess process) {
        signal("CONT", process);
    }

    private static void signal(String signal, ManagedProcess process) {
        try {
            int status = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            if (status != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " exited " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the planner and starts it again on its port, from its stored state. */
    static void restartPlanner() {
        LocalStack stack = RunningSystem.stack();
        kill(stack.process(LocalStack.PLANNER));
        stack.startService(
                LocalStack.PLANNER, LocalStack.PLANNER, RunningSystem.ports().planner());
    }

    /** Stops the Kafka broker for a few seconds and starts it again. */
    static void restartBroker() {
        try {
            RunningSystem.stack().restartKafka(Duration.ofSeconds(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
