package com.clearmlmigrator.cli.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.cli.ExitCode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The client against a stand-in planner over real HTTP. */
class PlannerClientTest {
    private final CountDownLatch released = new CountDownLatch(1);
    private final HttpServer planner = startPlanner();

    @AfterEach
    void stop() {
        released.countDown();
        planner.stop(0);
    }

    /**
     * A planner that takes a retry and answers late (it waited for Kafka to take the tasks) is running: the sentence
     * says the request may still be carried out, not that the planner is away, which would invite a second retry.
     */
    @Test
    void aRequestThePlannerAnswersTooLateIsSaidToBeMaybeUnderWayNotThePlannerAway() {
        PlannerClient client = new PlannerClient(
                URI.create("http://127.0.0.1:" + planner.getAddress().getPort()),
                Optional.empty(),
                Duration.ofSeconds(1));

        PlannerException refused = catchThrowableOfType(() -> client.retry("m1", null), PlannerException.class);

        assertThat(refused.exitCode()).isEqualTo(ExitCode.PLANNER_UNREACHABLE);
        assertThat(refused.getMessage())
                .startsWith("The planner at http://127.0.0.1:"
                        + planner.getAddress().getPort()
                        + "/ took more than 1 s to answer POST migrations/m1/retry, and may still carry it out.")
                .contains("clearml-migrator list")
                .doesNotContain("Is it running");
    }

    private HttpServer startPlanner() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/migrations/m1/retry", this::answerOnceReleased);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answerOnceReleased(HttpExchange exchange) throws IOException {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }
}
