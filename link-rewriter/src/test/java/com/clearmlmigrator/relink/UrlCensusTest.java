package com.clearmlmigrator.relink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.UrlPrefixCount;

class UrlCensusTest {

    @Test
    void anOriginIsSchemeAndAuthorityWithTheBucketWhereTheAuthorityIsOnlyTheStorageServer() {
        assertThat(UrlOrigins.of("http://Files.Old.lan:8081/proj/t1/artifacts/data.csv"))
                .contains("http://files.old.lan:8081");
        assertThat(UrlOrigins.of("https://files.lan/x")).contains("https://files.lan");
        assertThat(UrlOrigins.of("s3://my-bucket/clearml/t1/model.pt")).contains("s3://my-bucket");
        assertThat(UrlOrigins.of("s3://minio.lan:9000/clearml/t1/model.pt")).contains("s3://minio.lan:9000/clearml");
        assertThat(UrlOrigins.of("gs://bucket/a/b")).contains("gs://bucket");
        assertThat(UrlOrigins.of("azure://acct.blob.core.windows.net/container/a/b"))
                .contains("azure://acct.blob.core.windows.net/container");
        assertThat(UrlOrigins.of("file:///mnt/shared/models/m.pt")).contains("file:///mnt");
        assertThat(UrlOrigins.of("/mnt/local/path")).isEmpty();
        assertThat(UrlOrigins.of("ftp://old.lan/x")).isEmpty();
        assertThat(UrlOrigins.of(null)).isEmpty();
    }

    @Test
    void everyUrlInATextCountsWhereverMarkdownOrJsonEndsIt() {
        List<String> found = new ArrayList<>();
        UrlOrigins.inText(
                "See ![img](http://files.old.lan:8081/a.png) and \"s3://bucket/k\", [x](https://web.lan/y),"
                        + " not ftp://other/z nor a bare files.old.lan:8081/path.",
                found::add);

        assertThat(found).containsExactly("http://files.old.lan:8081", "s3://bucket", "https://web.lan");
    }

    @Test
    void aTaskIsCountedFieldByFieldIncludingTheOptInGroups() {
        UrlCensus census = UrlCensus.ofCollection("task");
        census.take(Map.of(
                "execution",
                Map.of(
                        "artifacts",
                        List.of(
                                Map.of("uri", "http://files.old.lan:8081/p/t1/a.csv"),
                                Map.of("uri", "http://files.old.lan:8081/p/t1/b.csv"),
                                Map.of("uri", "s3://minio.lan:9000/clearml/p/t1/c.bin"))),
                "output",
                Map.of("destination", "s3://minio.lan:9000/clearml"),
                "hyperparams",
                Map.of("Args", Map.of("data", Map.of("value", "--data http://files.old.lan:8081/p/ds.zip"))),
                "script",
                Map.of("repository", "https://github.com/org/repo.git")));
        census.take(Map.of("report", "Loss ![plot](http://files.old.lan:8081/p/t2/loss.png)"));

        assertThat(census.counts())
                .containsExactly(
                        new UrlPrefixCount("execution.artifacts.*.uri", "http://files.old.lan:8081", 2),
                        new UrlPrefixCount("execution.artifacts.*.uri", "s3://minio.lan:9000/clearml", 1),
                        new UrlPrefixCount("hyperparams.*.*.value", "http://files.old.lan:8081", 1),
                        new UrlPrefixCount("output.destination", "s3://minio.lan:9000/clearml", 1),
                        new UrlPrefixCount("report", "http://files.old.lan:8081", 1));
        assertThat(census.fieldsToRead()).contains("execution", "output", "report", "hyperparams");
        assertThat(census.fieldsToRead()).doesNotContain("script");
    }

    @Test
    void plotsAreCountedInsideTheirTextAndInsideCompressedPlotsAndABrokenOneIsCountedAsUnreadable() {
        UrlCensus census = UrlCensus.ofIndex("events-plot-d1bd92a3b039400cbafc60a7a5b1e52b");
        String plot = "{\"data\":[{\"type\":\"image\",\"source\":\"http://files.old.lan:8081/p/t1/cm.png\"},"
                + "{\"source\":\"http://files.old.lan:8081/p/t1/roc.png\"}]}";
        census.take(Map.of("plot_str", plot));
        census.take(Map.of("plot_data", CompressedPlots.compress(plot), "plot_len", plot.length()));
        census.take(Map.of("plot_data", "not zlib at all"));

        assertThat(census.counts())
                .containsExactly(
                        new UrlPrefixCount("plot_data", "http://files.old.lan:8081", 2),
                        new UrlPrefixCount("plot_str", "http://files.old.lan:8081", 2));
        assertThat(census.unreadablePlots()).isEqualTo(1);
    }

    @Test
    void debugImagesAreCountedAndLogsAreLeftOut() {
        UrlCensus images = UrlCensus.ofIndex("events-training_debug_image-d1bd92a3b039400cbafc60a7a5b1e52b");
        images.take(Map.of("url", "https://files.lan:8081/p/t1/img.jpg"));
        assertThat(images.counts()).containsExactly(new UrlPrefixCount("url", "https://files.lan:8081", 1));

        assertThat(UrlCensus.ofIndex("events-log-d1bd92a3b039400cbafc60a7a5b1e52b")
                        .isEmpty())
                .isTrue();
    }
}
