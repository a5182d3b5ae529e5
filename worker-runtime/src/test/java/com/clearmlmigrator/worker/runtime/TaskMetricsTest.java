package com.clearmlmigrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.WorkerKind;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class TaskMetricsTest {
    /**
     * The gauge of running tasks outlives the reference it was built from: a gauge holds its object weakly, and once that
     * was collected Prometheus showed no gauge at all (seen in CI).
     */
    @Test
    void theRunningTasksGaugeSurvivesAGarbageCollection() throws InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new TaskMetrics(registry, new RunningTasks(), WorkerKind.ELASTIC);

        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }

        assertThat(registry.get("migrator.tasks.running").gauge().value()).isZero();
    }
}
