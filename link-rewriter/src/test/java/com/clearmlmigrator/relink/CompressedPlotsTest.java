package com.clearmlmigrator.relink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompressedPlotsTest {
    @Test
    void compressedPlotOpensToTheSameText() {
        String plot = "{\"layout\": {\"images\": [{\"source\": \"http://files.old.lan:8081/a.png\"}]}, \"t\": \"é😀\"}";

        assertThat(CompressedPlots.decompress(CompressedPlots.compress(plot))).isEqualTo(plot);
    }

    @Test
    void lengthCountsCodePointsLikePython() {
        assertThat(CompressedPlots.length("a😀")).isEqualTo(2);
    }

    @Test
    void garbageIsRejectedWithAReason() {
        assertThatThrownBy(() -> CompressedPlots.decompress("bm90IHpsaWI="))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
