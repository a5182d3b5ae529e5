package com.clearmlmigrator.worker.elastic.adapter;

import static com.clearmlmigrator.stores.testing.StandInElastic.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.stores.ElasticClient;
import com.clearmlmigrator.stores.testing.StandInElastic;

/**
 * A scroll's clear is a courtesy to the cluster: over a real HTTP server that answers a scroll's pages, refuses its
 * clear, or stops answering mid-scroll.
 */
class StreamingScrollTest {
    private static final DocumentLimits ROOMY = new DocumentLimits(64L * 1024 * 1024, 256L * 1024 * 1024);
    private static final String FIRST_PAGE = "{\"_scroll_id\":\"s1\",\"hits\":{\"total\":{\"value\":3,\"relation\":"
            + "\"eq\"},\"hits\":[{\"_id\":\"1\",\"_source\":{}},{\"_id\":\"2\",\"_source\":{}}]}}";
    private static final String LAST_PAGE = "{\"_scroll_id\":\"s1\",\"hits\":{\"total\":{\"value\":3,\"relation\":"
            + "\"eq\"},\"hits\":[{\"_id\":\"3\",\"_source\":{}}]}}";

    private final AtomicInteger clears = new AtomicInteger();
    private volatile boolean pagesFreeze;

    @RegisterExtension
    final StandInElastic cluster = StandInElastic.start()
            .answering("/events-log-c1/_search", exchange -> reply(exchange, 200, FIRST_PAGE))
            .answering("/_search/scroll", exchange -> {
                if (exchange.getRequestMethod().equals("DELETE")) {
                    clears.incrementAndGet();
                    reply(
                            exchange,
                            429,
                            "{\"error\":{\"type\":\"circuit_breaking_exception\",\"reason\":\"[parent]"
                                    + " Data too large\"},\"status\":429}");
                    return;
                }
                if (pagesFreeze) {
                    this.cluster.holdAnswer();
                }
                reply(exchange, 200, LAST_PAGE);
            });

    private final ElasticClient client = cluster.client(Duration.ofMillis(500));

    @Test
    void aScrollThatReadEveryPageEndsWellThoughTheClusterRefusesItsClear() {
        List<String> ids = new CopyOnWriteArrayList<>();

        StreamingScroll.forEachHit(
                client,
                "events-log-c1",
                ElasticClient.JSON.createObjectNode(),
                HitReader.Mode.BYTES,
                ROOMY,
                hit -> {
                    ids.add(hit.id());
                    hit.close();
                },
                page -> {});

        assertThat(ids).containsExactly("1", "2", "3");
        assertThat(clears).as("the clear was asked for, and refused").hasValue(1);
    }

    @Test
    void aScrollWhoseClusterStoppedAnsweringFailsWithThatAndSendsNoClearToWaitForAsLong() {
        pagesFreeze = true;

        assertThatThrownBy(() -> StreamingScroll.forEachHit(
                        client,
                        "events-log-c1",
                        ElasticClient.JSON.createObjectNode(),
                        HitReader.Mode.BYTES,
                        ROOMY,
                        Hit::close,
                        page -> {}))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("did not answer in time");
                });
        assertThat(clears).hasValue(0);
    }
}
