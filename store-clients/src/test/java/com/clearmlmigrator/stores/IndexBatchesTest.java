package com.clearmlmigrator.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class IndexBatchesTest {
    @Test
    void namesAreCutIntoRequestsThatStayInsideTheRequestLineLimitAndKeepTheirOrder() {
        List<String> names = IntStream.range(0, 500)
                .mapToObj(i -> String.format("events-training_debug_image-%032d", i))
                .toList();

        List<List<String>> batches = IndexBatches.batches(names);

        assertThat(batches).hasSizeGreaterThan(1);
        assertThat(batches)
                .allSatisfy(batch -> assertThat(String.join(",", batch))
                        .hasSizeLessThanOrEqualTo(IndexBatches.NAMES_CHARS_PER_REQUEST));
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(names);
    }

    @Test
    void aNameLongerThanTheLimitStillGetsARequestOfItsOwn() {
        String longName = "x".repeat(IndexBatches.NAMES_CHARS_PER_REQUEST + 1);

        assertThat(IndexBatches.batches(List.of("a", longName, "b")))
                .containsExactly(List.of("a"), List.of(longName), List.of("b"));
        assertThat(IndexBatches.batches(List.of())).isEmpty();
    }
}
