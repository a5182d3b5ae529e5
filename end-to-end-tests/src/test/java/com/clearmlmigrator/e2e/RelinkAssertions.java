package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

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
        assertAllAsExpected(before, StoreSnapshot.elastic(url), expected, ExpectedRelink::opened);
    }

    /**
     * Every collection or index of {@code after} holds the documents of {@code before}, each as {@code expected} makes
     * it, read through {@code seen} (compressed plots opened, for example).
     */
    static void assertAllAsExpected(
            Map<String, Map<String, Map<String, Object>>> before,
            Map<String, Map<String, Map<String, Object>>> after,
            BiFunction<String, Map<String, Object>, Map<String, Object>> expected,
            UnaryOperator<Map<String, Object>> seen) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String target : before.keySet()) {
            assertThat(after.get(target).keySet())
                    .as(target)
                    .isEqualTo(before.get(target).keySet());
            before.get(target)
                    .forEach((docId, doc) -> assertThat(
                                    seen.apply(after.get(target).get(docId)))
                            .as(target + "/" + docId)
                            .isEqualTo(expected.apply(target, doc)));
        }
    }
}
