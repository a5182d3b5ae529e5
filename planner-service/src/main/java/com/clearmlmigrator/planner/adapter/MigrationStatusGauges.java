package com.clearmlmigrator.planner.adapter;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.planner.migration.MigrationStore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code migrator_migrations{status="RUNNING"}}: how many migrations are in each status, read from the planner's store.
 * A scrape every few seconds from several Prometheus servers must not become a store query each: the counts are read
 * at most once per {@link #FRESH_FOR}, and the last ones are kept while the store does not answer.
 */
@Singleton
public class MigrationStatusGauges implements MeterBinder {
    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(MigrationStatusGauges.class);

    private final MigrationStore store;
    private Map<MigrationStatus, Long> counts = Map.of();
    private Instant readAt = Instant.MIN;

    public MigrationStatusGauges(MigrationStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (MigrationStatus status : MigrationStatus.values()) {
            Gauge.builder("migrator.migrations", this, gauges -> gauges.count(status))
                    .description("Migrations in the planner's store, by status")
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .strongReference(true) // as the workers' gauge: a weakly held object, collected, hides the gauge
                    .register(registry);
        }
    }

    private synchronized double count(MigrationStatus status) {
        Instant now = Instant.now();
        if (readAt.plus(FRESH_FOR).isBefore(now)) {
            try {
                counts = store.countByStatus();
            } catch (RuntimeException e) {
                LOG.debugf("Migration counts not read, the last ones stand: %s", e.getMessage());
            }
            readAt = now;
        }
        return counts.getOrDefault(status, 0L);
    }
}
