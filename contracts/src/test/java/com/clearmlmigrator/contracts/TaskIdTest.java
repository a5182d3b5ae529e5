package com.clearmlmigrator.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskIdTest {
    @Test
    void printsMigrationIdAndZeroPaddedOrdinal() {
        assertThat(new TaskId("job", 7)).hasToString("job-0007");
    }

    @Test
    void parsesWhatItPrintsEvenWhenTheMigrationIdHasSeparators() {
        TaskId id = new TaskId("a-b-c", 12345);

        assertThat(TaskId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void rejectsTextWithoutOrdinal() {
        assertThatThrownBy(() -> TaskId.parse("job-")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskId.parse("job")).isInstanceOf(IllegalArgumentException.class);
    }
}
