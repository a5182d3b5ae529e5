package com.clearmlmigrator.worker.elastic.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;

class RawHitsTest {
    @Test
    void sourcesComeOutVerbatimWhateverTheirSpacingNumbersAndCharacters() {
        String source1 =
                "{\"metric\": \"loss\" ,\"value\":1.50, \"nested\":{\"a\":[1,{\"b\":\"}\"}]},\"text\":\"caf\\u00e9 \u00e9\"}";
        String source2 = "{}";
        String page = "{\"_scroll_id\":\"abc\",\"took\":1,\"hits\":{\"total\":2,\"max_score\":null,\"hits\":["
                + "{\"_index\":\"i\",\"_type\":\"event\",\"_id\":\"1\",\"_score\":null,\"_routing\":\"t1\",\"_source\":"
                + source1 + ",\"sort\":[0]},"
                + "{\"_index\":\"i\",\"_type\":\"event\",\"_id\":\"2\",\"_score\":null,\"_source\":" + source2
                + ",\"sort\":[1]}]}}";

        RawHits.Page parsed = RawHits.searchPage("i", page);

        assertThat(parsed.scrollId()).isEqualTo("abc");
        assertThat(parsed.documents())
                .extracting(CopiedDocument::id, CopiedDocument::routing, CopiedDocument::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", "t1", source1),
                        org.assertj.core.groups.Tuple.tuple("2", null, source2));
    }

    @Test
    void aPageTellsTheScrollsTotalOnlyWhenItIsExact() {
        String hits = "\"hits\":[{\"_id\":\"1\",\"_source\":{}}]";

        assertThat(RawHits.searchPage("i", "{\"hits\":{\"total\":3," + hits + "}}")
                        .exactTotal())
                .as("ES 5.6 and 6: a number")
                .isEqualTo(3);
        assertThat(RawHits.searchPage("i", "{\"hits\":{\"total\":{\"value\":3,\"relation\":\"eq\"}," + hits + "}}")
                        .exactTotal())
                .as("ES 7 and later")
                .isEqualTo(3);
        assertThat(RawHits.searchPage("i", "{\"hits\":{\"total\":{\"value\":10000,\"relation\":\"gte\"}," + hits + "}}")
                        .exactTotal())
                .as("only a lower bound")
                .isEqualTo(RawHits.UNKNOWN_TOTAL);
        assertThat(RawHits.searchPage("i", "{\"hits\":{" + hits + "}}").exactTotal())
                .as("no total")
                .isEqualTo(RawHits.UNKNOWN_TOTAL);
    }

    @Test
    void anAnswerSomeShardsFailedToServeFailsInsteadOfPassingForTheWholeIndex() {
        String hits = "\"hits\":{\"total\":1,\"hits\":[{\"_id\":\"1\",\"_source\":{}}]}";
        String partial = "{\"_scroll_id\":\"abc\",\"timed_out\":false,\"_shards\":{\"total\":2,\"successful\":1,"
                + "\"failed\":1,\"failures\":[{\"shard\":1,\"index\":\"i\",\"reason\":{\"type\":"
                + "\"no_shard_available_action_exception\",\"reason\":\"No shard available for [i][1]\"}}]}," + hits
                + "}";

        assertThatThrownBy(() -> RawHits.searchPage("i", partial))
                .isInstanceOfSatisfying(
                        TaskFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE))
                .hasMessageContaining("Reading i failed on 1 of 2 shards (No shard available for [i][1])");
        // What ES 5.6.16 answers for a red index of two primaries, one of them unassigned: nothing counts as failed.
        String red = "{\"_scroll_id\":\"abc\",\"took\":5,\"timed_out\":false,\"_shards\":{\"total\":2,"
                + "\"successful\":1,\"skipped\":0,\"failed\":0}," + hits + "}";
        assertThatThrownBy(() -> RawHits.searchPage("i", red))
                .isInstanceOfSatisfying(
                        TaskFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE))
                .hasMessageContaining("Reading i got answers from 1 of 2 shards");
        assertThatThrownBy(() -> RawHits.searchPage("i", "{\"timed_out\":true," + hits + "}"))
                .isInstanceOfSatisfying(
                        TaskFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE))
                .hasMessageContaining("Reading i timed out");
        assertThat(RawHits.searchPage(
                                "i",
                                "{\"timed_out\":false,\"_shards\":{\"total\":2,\"successful\":2,\"failed\":0}," + hits
                                        + "}")
                        .documents())
                .as("every shard answered")
                .hasSize(1);
    }

    @Test
    void theSameDocumentDigestsTheSameAndAnyDifferenceChangesTheDigest() {
        CopiedDocument document = CopiedDocument.of("1", "t1", "{\"a\":1}");

        assertThat(CopiedDocument.of("1", "t1", "{\"a\":1}").digest()).isEqualTo(document.digest());
        assertThat(List.of(
                        CopiedDocument.of("2", "t1", "{\"a\":1}"),
                        CopiedDocument.of("1", "t2", "{\"a\":1}"),
                        CopiedDocument.of("1", null, "{\"a\":1}"),
                        CopiedDocument.of("1", "", "{\"a\":1}"),
                        CopiedDocument.of("1", "t1", "{\"a\":1.0}")))
                .extracting(CopiedDocument::digest)
                .doesNotContain(document.digest());
    }

    @Test
    void mgetKeepsFoundDocumentsOnly() {
        String answer = "{\"docs\":[{\"_index\":\"i\",\"_id\":\"1\",\"found\":false},"
                + "{\"_index\":\"i\",\"_id\":\"2\",\"_version\":1,\"_routing\":\"t\",\"found\":true,\"_source\":{\"x\":[]}}]}";

        assertThat(RawHits.mgetDocuments("i", answer))
                .singleElement()
                .satisfies(d -> assertThat(d.source()).isEqualTo("{\"x\":[]}"));
    }

    @Test
    void anIndexWithoutSourcesCannotBeCopied() {
        String page = "{\"_scroll_id\":\"abc\",\"hits\":{\"hits\":[{\"_id\":\"1\"}]}}";

        assertThatThrownBy(() -> RawHits.searchPage("i", page))
                .isInstanceOfSatisfying(
                        TaskFailedException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.BAD_INPUT))
                .hasMessageContaining("_source");
    }
}
