package com.clearmlmigrator.worker.elastic.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.CopySpec;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;

class SourceWriteCheckTest {
    private static final CopySpec.Verify SEALING = new CopySpec.Verify(null, 40L, Map.of(), true, 0);
    private static final CopySpec.Verify LEAVING_WRITABLE = new CopySpec.Verify(null, 40L, Map.of(), false, 0);

    @Test
    void anUnchangedCountPassesQuietly() {
        List<String> notes = new ArrayList<>();

        SourceWriteCheck.checkUnchanged("i", 40, SEALING, notes);
        SourceWriteCheck.checkUnchanged("i", 40, LEAVING_WRITABLE, notes);

        assertThat(notes).isEmpty();
    }

    @Test
    void writesFailASealedIndexAndAreNotedForOneLeftWritable() {
        assertThatThrownBy(() -> SourceWriteCheck.checkUnchanged("i", 43, SEALING, new ArrayList<>()))
                .isInstanceOfSatisfying(
                        TaskFailedException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.BAD_INPUT))
                .hasMessageContaining("The source index i took 3 writes while it was copied")
                .hasMessageContaining("\"ifTargetExists\": \"overwrite\"");

        List<String> notes = new ArrayList<>();
        SourceWriteCheck.checkUnchanged("i", 41, LEAVING_WRITABLE, notes);
        assertThat(notes)
                .singleElement()
                .asString()
                .contains("took 1 write while")
                .contains("stays writable");
    }

    @Test
    void aCountThatWentDownIsNotTakenForNoWrites() {
        assertThatThrownBy(() -> SourceWriteCheck.checkUnchanged("i", 12, SEALING, new ArrayList<>()))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("went down while it was copied (a shard restarted or moved)");
    }
}
