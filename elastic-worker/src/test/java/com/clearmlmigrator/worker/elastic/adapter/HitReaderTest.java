package com.clearmlmigrator.worker.elastic.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;

/** Documents read out of answers as they stream in: verbatim, checked, and bounded by size. */
class HitReaderTest {
    private static final DocumentLimits ROOMY = new DocumentLimits(64L * 1024 * 1024, 256L * 1024 * 1024);

    /** A page read whole, as the sink saw it. */
    private record Read(HitReader.Answer answer, List<Hit> documents) {
        String scrollId() {
            return answer.scrollId();
        }

        long exactTotal() {
            return answer.exactTotal();
        }
    }

    private static Read searchPage(String index, String json) {
        return searchPage(index, json, HitReader.Mode.BYTES, ROOMY);
    }

    private static Read searchPage(String index, String json, HitReader.Mode mode, DocumentLimits limits) {
        List<Hit> hits = new ArrayList<>();
        try {
            HitReader.Answer answer = HitReader.searchPage(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), index, mode, limits, hit -> {
                        hit.close();
                        hits.add(hit);
                    });
            return new Read(answer, hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Hit hit) {
        return new String(hit.sourceBytes(), StandardCharsets.UTF_8);
    }

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

        Read parsed = searchPage("i", page);

        assertThat(parsed.scrollId()).isEqualTo("abc");
        assertThat(parsed.documents())
                .extracting(Hit::id, Hit::routing, HitReaderTest::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", "t1", source1),
                        org.assertj.core.groups.Tuple.tuple("2", null, source2));
    }

    @Test
    void aPageTellsTheScrollsTotalOnlyWhenItIsExact() {
        String hits = "\"hits\":[{\"_id\":\"1\",\"_source\":{}}]";

        assertThat(searchPage("i", "{\"hits\":{\"total\":3," + hits + "}}").exactTotal())
                .as("ES 5.6 and 6: a number")
                .isEqualTo(3);
        assertThat(searchPage("i", "{\"hits\":{\"total\":{\"value\":3,\"relation\":\"eq\"}," + hits + "}}")
                        .exactTotal())
                .as("ES 7 and later")
                .isEqualTo(3);
        assertThat(searchPage("i", "{\"hits\":{\"total\":{\"value\":10000,\"relation\":\"gte\"}," + hits + "}}")
                        .exactTotal())
                .as("only a lower bound")
                .isEqualTo(HitReader.UNKNOWN_TOTAL);
        assertThat(searchPage("i", "{\"hits\":{" + hits + "}}").exactTotal())
                .as("no total")
                .isEqualTo(HitReader.UNKNOWN_TOTAL);
    }

    @Test
    void anAnswerSomeShardsFailedToServeFailsInsteadOfPassingForTheWholeIndex() {
        String hits = "\"hits\":{\"total\":1,\"hits\":[{\"_id\":\"1\",\"_source\":{}}]}";
        String partial = "{\"_scroll_id\":\"abc\",\"timed_out\":false,\"_shards\":{\"total\":2,\"successful\":1,"
                + "\"failed\":1,\"failures\":[{\"shard\":1,\"index\":\"i\",\"reason\":{\"type\":"
                + "\"no_shard_available_action_exception\",\"reason\":\"No shard available for [i][1]\"}}]}," + hits
                + "}";

        assertThatThrownBy(() -> searchPage("i", partial))
                .isInstanceOfSatisfying(
                        TaskFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE))
                .hasMessageContaining("Reading i failed on 1 of 2 shards (No shard available for [i][1])");
        // What ES 5.6.16 answers for a red index of two primaries, one of them unassigned: nothing counts as failed.
        String red = "{\"_scroll_id\":\"abc\",\"took\":5,\"timed_out\":false,\"_shards\":{\"total\":2,"
                + "\"successful\":1,\"skipped\":0,\"failed\":0}," + hits + "}";
        assertThatThrownBy(() -> searchPage("i", red))
                .isInstanceOfSatisfying(
                        TaskFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE))
                .hasMessageContaining("Reading i got answers from 1 of 2 shards");
        assertThatThrownBy(() -> searchPage("i", "{\"timed_out\":true," + hits + "}"))
                .isInstanceOfSatisfying(
                        TaskFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE))
                .hasMessageContaining("Reading i timed out");
        assertThat(searchPage(
                                "i",
                                "{\"timed_out\":false,\"_shards\":{\"total\":2,\"successful\":2,\"failed\":0}," + hits
                                        + "}")
                        .documents())
                .as("every shard answered")
                .hasSize(1);
    }

    @Test
    void theSameDocumentDigestsTheSameAndAnyDifferenceChangesTheDigest() {
        CopiedDocument document = copied("1", "t1", "{\"a\":1}");

        assertThat(copied("1", "t1", "{\"a\":1}").digest()).isEqualTo(document.digest());
        assertThat(List.of(
                        copied("2", "t1", "{\"a\":1}"),
                        copied("1", "t2", "{\"a\":1}"),
                        copied("1", null, "{\"a\":1}"),
                        copied("1", "", "{\"a\":1}"),
                        copied("1", "t1", "{\"a\":1.0}")))
                .extracting(CopiedDocument::digest)
                .doesNotContain(document.digest());
    }

    @Test
    void mgetKeepsFoundDocumentsOnly() throws IOException {
        String answer = "{\"docs\":[{\"_index\":\"i\",\"_id\":\"1\",\"found\":false},"
                + "{\"_index\":\"i\",\"_id\":\"2\",\"_version\":1,\"_routing\":\"t\",\"found\":true,\"_source\":{\"x\":[]}}]}";

        List<Hit> found = new ArrayList<>();
        int count = HitReader.mget(
                new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)),
                "i",
                HitReader.Mode.BYTES,
                ROOMY,
                found::add);

        assertThat(count).isEqualTo(1);
        assertThat(found).singleElement().satisfies(d -> assertThat(text(d)).isEqualTo("{\"x\":[]}"));
    }

    @Test
    void anIndexWithoutSourcesCannotBeCopied() {
        String page = "{\"_scroll_id\":\"abc\",\"hits\":{\"hits\":[{\"_id\":\"1\"}]}}";

        assertThatThrownBy(() -> searchPage("i", page))
                .isInstanceOfSatisfying(
                        TaskFailedException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.BAD_INPUT))
                .hasMessageContaining("_source");
    }

    @Test
    void sourcesLargerThanTheReadBuffersComeOutWholeAndVerbatim() {
        String large = "{\"plot_str\":\"" + "\u00e9x\\\"".repeat(200_000) + "\",\"n\":1.50}";
        String page = "{\"hits\":{\"total\":3,\"hits\":[" + hit("1", "{}") + "," + hit("2", large) + ","
                + hit("3", "{\"b\":2}") + "]}}";

        Read parsed = searchPage("i", page);

        assertThat(parsed.documents()).extracting(HitReaderTest::text).containsExactly("{}", large, "{\"b\":2}");
        assertThat(parsed.documents().get(1).size()).isEqualTo(large.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void relinkReadsSourcesIntoMapsWithNumbersAsStoredAndWhatAConditionalWriteNeeds() {
        String page = "{\"hits\":{\"hits\":[{\"_id\":\"1\",\"_type\":\"event\",\"_version\":4,\"_routing\":\"t\","
                + "\"_source\":{\"url\":\"http://a/b\",\"value\":1.50,\"n\":[1,2]}},"
                + "{\"_id\":\"2\",\"_type\":\"_doc\",\"_seq_no\":7,\"_primary_term\":2,\"_source\":{}}]}}";

        List<Hit> hits = searchPage("i", page, HitReader.Mode.MAPS, ROOMY).documents();

        assertThat(hits.get(0).source())
                .containsEntry("url", "http://a/b")
                .containsEntry("value", new BigDecimal("1.50"));
        assertThat(hits.get(0))
                .extracting(Hit::type, Hit::routing, Hit::version)
                .containsExactly("event", "t", 4L);
        assertThat(hits.get(1))
                .extracting(Hit::type, Hit::seqNo, Hit::primaryTerm)
                .containsExactly(null, 7L, 2L);
    }

    @Test
    void aRelinkReadsAnUncompressedPlotOfTensOfMegabytes() {
        // ES 5.6-era plots copied to ES 7 keep plot_str uncompressed: past Jackson's default of 20 million characters.
        String plot = "x".repeat(25_000_000);
        String page = "{\"hits\":{\"hits\":[" + hit("p", "{\"plot_str\":\"" + plot + "\"}") + "]}}";

        List<Hit> hits =
                searchPage("events-plot-c1", page, HitReader.Mode.MAPS, ROOMY).documents();

        assertThat(hits.get(0).source().get("plot_str")).isEqualTo(plot);
    }

    @Test
    void aDocumentPastTheLargestSizeFailsItsTaskBeforeItIsReadWholeAndNamesTheSetting() {
        DocumentLimits small = new DocumentLimits(1024, 100_000);
        String huge = "{\"plot_str\":\"" + "x".repeat(5_000_000) + "\"}";
        byte[] page = ("{\"hits\":{\"hits\":[" + hit("big-1", huge) + "]}}").getBytes(StandardCharsets.UTF_8);
        CountingStream counted = new CountingStream(page);

        assertThatThrownBy(
                        () -> HitReader.searchPage(counted, "events-plot-c1", HitReader.Mode.BYTES, small, Hit::close))
                .isInstanceOfSatisfying(
                        TaskFailedException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.BAD_INPUT))
                .hasMessageContaining("Document big-1 of index events-plot-c1")
                .hasMessageContaining("elastic-worker.max-document-bytes")
                .hasMessageContaining("heap");
        assertThat(counted.read).isLessThan(page.length / 2);
        assertThat(small.largePlace().isLocked())
                .as("the place for large documents is given back")
                .isFalse();
    }

    @Test
    void aLargeDocumentHoldsTheWorkersOnePlaceForLargeDocumentsUntilItIsClosed() throws Exception {
        DocumentLimits limits = new DocumentLimits(10_000, 10_000_000);
        String page = "{\"hits\":{\"hits\":[" + hit("small", "{}") + ","
                + hit("large", "{\"s\":\"" + "y".repeat(50_000) + "\"}") + "]}}";
        List<Hit> hits = new ArrayList<>();

        HitReader.searchPage(
                new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)),
                "i",
                HitReader.Mode.BYTES,
                limits,
                hits::add);

        assertThat(hits).extracting(Hit::isLarge).containsExactly(false, true);
        assertThat(limits.largePlace().isHeldByCurrentThread()).isTrue();
        var otherTask = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> limits.largePlace().tryLock());
        assertThat(otherTask.get()).as("another task must wait").isFalse();
        hits.forEach(Hit::close);
        assertThat(limits.largePlace().isLocked()).isFalse();
    }

    private static String hit(String id, String source) {
        return "{\"_index\":\"i\",\"_id\":\"" + id + "\",\"_source\":" + source + "}";
    }

    private static CopiedDocument copied(String id, String routing, String source) {
        return CopiedDocument.of(id, routing, source.getBytes(StandardCharsets.UTF_8));
    }

    /** Counts what a reader took of the bytes. */
    private static final class CountingStream extends ByteArrayInputStream {
        long read;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] into, int offset, int length) {
            int n = super.read(into, offset, length);
            read += Math.max(0, n);
            return n;
        }
    }
}
