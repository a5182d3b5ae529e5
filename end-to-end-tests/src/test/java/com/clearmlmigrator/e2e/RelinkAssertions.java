package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.BiFunction;

/** Checks of a relinked store against an oracle, document by document. */
final class RelinkAssertions {
    private RelinkAssertions() {}

    /** Every index and document of the cluster as the default relink of {@code before} leaves it. */
    static void assertElasticAsExpected(String url, Map<String, Map<String, Map<String, Object>>> before) {
        assertElasticAsExpected(url, before, ExpectedRelink::elastic);
    }

    /** Every index and document of the cluster as {@code expected} says, compressed plots compared opened. */
    static void assertElasticAsExpected(
            String url,
            Map<String, Map<String, Map<String, Object>>> before,
            BiFunction<String, Map<String, Object>, Map<String, Object>> expected) {
        var after = StoreSnapshot.elastic(url);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String index : before.keySet()) {
            assertThat(after.get(index).keySet())
                    .as(index)
                    .isEqualTo(before.get(index).keySet());
            before.get(index)
                    .forEach((docId, doc) -> assertThat(
                                    ExpectedRelink.opened(after.get(index).get(docId)))
                            .as(index + "/" + docId)
                            .isEqualTo(expected.apply(index, doc)));
        }
    }
}
