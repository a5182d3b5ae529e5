package com.clearmlmigrator.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TaskReportTest {
    private static final RelinkReport READ_150 = relinkThatRead(150, 90);
    private static final RelinkReport READ_40 = relinkThatRead(40, 40);

    @Test
    void theHandlingThatReadFurthestAnswersWhicheverCameFirst() {
        assertThat(TaskReport.furthest(READ_150, READ_40)).isSameAs(READ_150);
        assertThat(TaskReport.furthest(READ_40, READ_150)).isSameAs(READ_150);
    }

    @Test
    void aHandlingThatDidNotSayLeavesTheOtherOnesReport() {
        assertThat(TaskReport.furthest(READ_150, null)).isSameAs(READ_150);
        assertThat(TaskReport.furthest(null, READ_40)).isSameAs(READ_40);
        assertThat(TaskReport.furthest(null, null)).isNull();
    }

    @Test
    void onATieTheLaterHandlingAnswers() {
        RelinkReport sameReadMoreChanged = relinkThatRead(150, 150);

        assertThat(TaskReport.furthest(READ_150, sameReadMoreChanged)).isSameAs(sameReadMoreChanged);
    }

    /** Its fields read alike (every rule of a part reads its documents); the furthest field is the measure. */
    private static RelinkReport relinkThatRead(long scanned, long changed) {
        return new RelinkReport(
                "task",
                false,
                List.of(
                        new FieldTally("execution.artifacts.uri", scanned, changed, changed, 0, 0, 0, 0),
                        new FieldTally("execution.model", scanned / 2, 0, 0, 0, 0, 0, 0)),
                List.of(),
                List.of());
    }
}
