package com.clearmlmigrator.cli.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.cli.ExitCode;
import com.sun.net.httpserver.HttpExchange;

/** The client against a stand-in planner over real HTTP. */
class PlannerClientTest {
    private final CountDownLatch released = new CountDownLatch(1);

    @AutoClose
    private final StandInPlanner planner = new StandInPlanner("/migrations/m1/retry", this::answerOnceReleased);

    /** Before the planner is closed, which waits for the answer under way. */
    @AfterEach
    void release() {
        released.countDown();
    }

    /**
     * A planner that takes a retry and answers late (it waited for Kafka to take the tasks) is running: the sentence
     * says the request may still be carried out, not that the planner is away, which would invite a second retry.
     */
    @Test
    void aRequestThePlannerAnswersTooLateIsSaidToBeMaybeUnderWayNotThePlannerAway() {
        PlannerClient client = planner.client(Duration.ofSeconds(1));

        PlannerException refused = catchThrowableOfType(() -> client.retry("m1", null), PlannerException.class);

        assertThat(refused.exitCode()).isEqualTo(ExitCode.PLANNER_UNREACHABLE);
        assertThat(refused.getMessage())
                .startsWith("The planner at " + planner.address()
                        + " took more than 1 s to answer POST migrations/m1/retry, and may still carry it out.")
                .contains("clearml-migrator list")
                .doesNotContain("Is it running");
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
