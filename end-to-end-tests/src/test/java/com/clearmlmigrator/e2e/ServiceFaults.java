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
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import com.clearmlmigrator.contracts.Topics;
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

    /**
     * Starts another copy of a worker, in the same consumer group as the first. It waits first until the group has
     * committed every task delivered so far: the rebalance the copy causes would hand it again the tasks of earlier
     * tests done in the last seconds, whose offsets a worker commits every few seconds, and the copy would spend the
     * test redoing them, against proxies those tests have closed, while the planner waits for this test's tasks.
     */
    static void startSecondCopy(String module, String instance) {
        awaitEveryTaskCommitted(module);
        int port = freePort();
        RunningSystem.stack().startService(module, instance, port);
        RunningSystem.copies().add(module, port);
    }

    private static void awaitEveryTaskCommitted(String module) {
        String topic = module.equals(LocalStack.MONGO_WORKER) ? Topics.MONGO_TASKS : Topics.ELASTIC_TASKS;
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RunningSystem.ports().kafkaBootstrap()))) {
            // Each worker's consumer group bears its module's name.
            await().atMost(Duration.ofSeconds(30)).until(() -> uncommitted(admin, module, topic) == 0);
        }
    }

    /** Tasks delivered on {@code topic} beyond what the consumer group {@code group} has committed. */
    private static long uncommitted(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, OffsetSpec> partitions =
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .collect(Collectors.toMap(
                                p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        long behind = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end :
                admin.listOffsets(partitions).all().get().entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            behind += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return behind;
    }

    /** The HTTP ports where copies of a module answer now: the stack's own, unless a test killed it, and the others. */
    static List<Integer> answeringPorts(String module, int firstPort) {
        List<Integer> ports = new ArrayList<>(List.of(firstPort));
        ports.addAll(RunningSystem.copies().of(module));
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
        signal(signal, process.pid());
    }

    /** {@code kill -<signal> <pid>}. */
    static void signal(String signal, long pid) {
        try {
            int status = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
            if (status != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " exited " + status);
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
        restartPlanner(ServiceFaults::kill);
    }

    /** Stops the planner as a restart does (SIGTERM: docker stop, a rolling update) and starts it again on its port. */
    static void stopAndStartPlanner() {
        restartPlanner(planner -> planner.stop(Duration.ofSeconds(60)));
    }

    private static void restartPlanner(Consumer<ManagedProcess> ending) {
        LocalStack stack = RunningSystem.stack();
        ending.accept(stack.process(LocalStack.PLANNER));
        stack.startService(
                LocalStack.PLANNER, LocalStack.PLANNER, RunningSystem.ports().planner());
    }

    /** Stops a service copy as a restart does (SIGTERM), and waits until it has ended. */
    static void stop(String instance) {
        RunningSystem.stack().stop(instance, Duration.ofSeconds(60));
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
