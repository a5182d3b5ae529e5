package com.clearmlmigrator.service.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class KafkaOutagesTest {
    @Test
    void aDeliveryTimeoutIsAnOutageEvenWrappedAsSmallRyeWrapsIt() {
        // As the results emitter failed with the broker down for 150 s on the dev stack.
        var wrapped = new IllegalStateException(
                "Retries exhausted : 0 attempts against 1796454451669/1796454450711 expiration",
                new TimeoutException("Topic migration-task-results not present in metadata after 60000 ms."));

        assertThat(KafkaOutages.isBrokerAway(wrapped)).isTrue();
        assertThat(KafkaOutages.isBrokerAway(new TimeoutException("Expiring 1 record(s)")))
                .isTrue();
    }

    @Test
    void aRecordNoWaitCanSendIsNotAnOutage() {
        assertThat(KafkaOutages.isBrokerAway(new IllegalStateException(new RecordTooLargeException("too large"))))
                .isFalse();
        assertThat(KafkaOutages.isBrokerAway(new SerializationException("cannot write")))
                .isFalse();
        assertThat(KafkaOutages.isBrokerAway(new IllegalStateException("a bug")))
                .isFalse();
    }
}
