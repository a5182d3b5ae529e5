package com.clearmlmigrator.worker.elastic.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MigrationPacersTest {
    private final List<Long> madeFor = new ArrayList<>();
    private final MigrationPacers pacers = new MigrationPacers(rate -> {
        madeFor.add(rate);
        return new RatePacer(rate, Duration.ofSeconds(5));
    });

    @Test
    void tasksOfOneMigrationShareOnePacer() {
        try (MigrationPacers.Lease first = pacers.open("m1", 300);
                MigrationPacers.Lease second = pacers.open("m1", 300)) {
            assertThat(second.pacer()).isSameAs(first.pacer());
            assertThat(madeFor).containsExactly(300L);
        }
    }

    @Test
    void migrationsAndLimitsArePacedApart() {
        try (MigrationPacers.Lease m1 = pacers.open("m1", 300);
                MigrationPacers.Lease m2 = pacers.open("m2", 300);
                MigrationPacers.Lease m1Replanned = pacers.open("m1", 100)) {
            assertThat(List.of(m1.pacer(), m2.pacer(), m1Replanned.pacer())).doesNotHaveDuplicates();
            assertThat(pacers.active()).isEqualTo(3);
        }
    }

    @Test
    void thePacerGoesWithTheLastTaskOfItsMigration() {
        MigrationPacers.Lease first = pacers.open("m1", 300);
        MigrationPacers.Lease second = pacers.open("m1", 300);

        first.close();
        first.close(); // a second close releases nothing more
        assertThat(pacers.active()).as("the second task still runs").isEqualTo(1);
        second.close();
        assertThat(pacers.active()).isZero();

        try (MigrationPacers.Lease again = pacers.open("m1", 300)) {
            assertThat(again.pacer())
                    .as("a new run starts without the old one's debt")
                    .isNotSameAs(first.pacer());
        }
    }

    @Test
    void anUnthrottledTaskKeepsNothing() {
        try (MigrationPacers.Lease unlimited = pacers.open("m1", 0)) {
            assertThat(pacers.active()).isZero();
        }
    }
}
