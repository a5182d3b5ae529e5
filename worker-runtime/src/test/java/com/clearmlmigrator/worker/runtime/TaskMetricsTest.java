package com.clearmlmigrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.WorkerKind;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class TaskMetricsTest {
    /**
     * The gauge of running tasks outlives the reference it was built from: a gauge holds its object weakly, and once that
     * was collected Prometheus showed no gauge at all (seen in CI).
     */
    @Test
    void theRunningTasksGaugeSurvivesAGarbageCollection() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new TaskMetrics(registry, new RunningTasks(), WorkerKind.ELASTIC);

        // A collection has run once an object only weakly held is gone, as the gauge's would be without a strong hold.
        WeakReference<Object> collected = new WeakReference<>(new Object());
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return collected.get() == null;
        });

        assertThat(registry.get("migrator.tasks.running").gauge().value()).isZero();
    }
}
