package com.clearmlmigrator.stores;

import static com.clearmlmigrator.stores.testing.StandInElastic.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.stores.testing.StandInElastic;
import com.sun.net.httpserver.HttpExchange;

/** Answers read while they arrive: any size through a fixed buffer, breaks reported, early stops cleaned up. */
class StreamedAnswersTest {
    private static final long LARGER_THAN_THE_CLIENTS_DEFAULT_BUFFER = 150L * 1024 * 1024;

    @RegisterExtension
    final StandInElastic cluster = StandInElastic.start()
            .answering("/big", exchange -> body(exchange, LARGER_THAN_THE_CLIENTS_DEFAULT_BUFFER, false))
            .answering("/broken", exchange -> body(exchange, 10L * 1024 * 1024, true))
            .answering("/small", exchange -> reply(exchange, 200, "{\"ok\":true}"))
            .answering("/silent", exchange -> {
                this.cluster.holdAnswer();
                reply(exchange, 200, "{\"ok\":true}");
            })
            .answering(
                    "/missing",
                    exchange -> reply(
                            exchange,
                            404,
                            "{\"error\":{\"type\":\"index_not_found_exception\",\"reason\":\"no such index"
                                    + " [missing]\"},\"status\":404}"));

    private final ElasticEndpoint endpoint = cluster.endpoint();
    private final ElasticClient client = cluster.client(Duration.ofSeconds(10));

    @Test
    void anAnswerLargerThanTheClientBuffersWholePassesThroughTheFixedBuffer() {
        long read = client.stream("GET", "/big", null, StreamedAnswersTest::count);

        assertThat(read).isEqualTo(LARGER_THAN_THE_CLIENTS_DEFAULT_BUFFER);
        // The same answer read whole, as every other request is, is refused by the client's 100 MB limit.
        assertThatThrownBy(() -> client.sendForText("GET", "/big", null)).isInstanceOf(TaskFailedException.class);
    }

    @Test
    void anAnswerThatBreaksOffIsAStoreThatWentAwayNotAShortAnswer() {
        assertThatThrownBy(() -> client.stream("GET", "/broken", null, StreamedAnswersTest::count))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("is unreachable");
                    assertThat(StoreSilence.causedBy(e))
                            .as("dropped, not silent")
                            .isFalse();
                });
    }

    @Test
    void aReaderThatStopsEarlyFreesItsConnection() {
        for (int i = 0; i < 15; i++) { // more than the client's 10 connections per node
            assertThatThrownBy(() -> client.stream("GET", "/big", null, content -> {
                        content.readNBytes(4096);
                        throw new IllegalStateException("stopped early");
                    }))
                    .hasMessage("stopped early");
        }

        String answer = client.stream(
                "GET", "/small", null, content -> new String(content.readAllBytes(), StandardCharsets.UTF_8));
        assertThat(answer).isEqualTo("{\"ok\":true}");
    }

    @Test
    void aClusterThatTakesTheRequestAndNeverAnswersDidNotAnswerInTimeRatherThanBeingOutOfReach() throws IOException {
        try (ElasticClient impatient = new ElasticClient(endpoint, TrustedAuthorities.jvmOnly(), 2000, 300)) {
            assertThatThrownBy(() -> impatient.sendForText("GET", "/silent", null))
                    .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE);
                        assertThat(e.getMessage())
                                .startsWith("Elasticsearch at " + endpoint.hosts() + " did not answer in" + " time: ")
                                .contains("300 milliseconds");
                        assertThat(StoreSilence.causedBy(e)).isTrue();
                    });
        }
    }

    @Test
    void anErrorAnswerIsRefusedWithItsReason() {
        assertThatThrownBy(() -> client.stream("GET", "/missing", null, StreamedAnswersTest::count))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.TARGET_REJECTED);
                    assertThat(e.getMessage()).contains("answered 404").contains("no such index [missing]");
                });
    }

    private static long count(InputStream content) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = content.read(buffer)) >= 0; ) {
            total += n;
        }
        return total;
    }

    /** A body of this many bytes; a broken one stops after a tenth and drops the connection. */
    private static void body(HttpExchange exchange, long length, boolean breakOff) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, length);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        long stopAt = breakOff ? length / 10 : length;
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < stopAt; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, stopAt - sent));
            }
        } catch (IOException e) {
            // The client stopped reading (early stops), or the body was cut short on purpose.
        }
        if (breakOff) {
            throw new IllegalStateException("drops the connection"); // the server closes it on an escaping exception
        }
    }
}
