package com.clearmlmigrator.worker.elastic.adapter;

import static com.clearmlmigrator.stores.testing.StandInElastic.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.stores.ElasticClient;
import com.clearmlmigrator.stores.testing.StandInElastic;

/** Which bulks a copy sends again, over a real HTTP server that refuses, answers, or never answers them. */
class BulkCreatorTest {
    private static final DocumentLimits ROOMY = new DocumentLimits(64L * 1024 * 1024, 256L * 1024 * 1024);
    private static final List<CopiedDocument> TWO = List.of(
            CopiedDocument.of("1", null, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
            CopiedDocument.of("2", null, "{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
    private static final String BOTH_CREATED =
            "{\"errors\":false,\"items\":[{\"create\":{\"_id\":\"1\",\"status\":201}},"
                    + "{\"create\":{\"_id\":\"2\",\"status\":201}}]}";

    private final AtomicInteger bulks = new AtomicInteger();
    private volatile boolean silent;

    @RegisterExtension
    final StandInElastic cluster = StandInElastic.start().answering("/_bulk", exchange -> {
        exchange.getRequestBody().readAllBytes();
        if (bulks.incrementAndGet() == 1 && !silent) {
            reply(exchange, 503, "{\"error\":{\"type\":\"unavailable_shards_exception\",\"reason\":\"busy\"}}");
            return;
        }
        if (silent) {
            this.cluster.holdAnswer();
        }
        reply(exchange, 200, BOTH_CREATED);
    });

    private final ElasticClient target = cluster.client(Duration.ofMillis(300));

    @Test
    void aBulkRefusedWholeIsSentAgainUntilItsDocumentsAreCreated() {
        var created = new BulkCreator(target, "events-log-c1", ROOMY).create(TWO);

        assertThat(bulks).hasValue(2);
        assertThat(created.documents()).isEqualTo(2);
    }

    @Test
    void aBulkTheTargetTookAndNeverAnsweredIsNotSentAgainSoTheTaskRetriesAtOnce() {
        silent = true;

        assertThatThrownBy(() -> new BulkCreator(target, "events-log-c1", ROOMY).create(TWO))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("did not answer in time");
                });
        assertThat(bulks).as("one answer timeout, not six").hasValue(1);
    }
}
