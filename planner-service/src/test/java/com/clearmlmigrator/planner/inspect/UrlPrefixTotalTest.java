package com.clearmlmigrator.planner.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.IndexInspection;
import com.clearmlmigrator.contracts.UrlPrefixCount;

class UrlPrefixTotalTest {
    private static final String FILES = "http://files.old.lan:8081";
    private static final String COMPANY = "d1bd92a3b039400cbafc60a7a5b1e52b";

    @Test
    void everyPlaceIsCountedPerStoreAndThePlacesOnlyAnOptInRelinkRewritesNameTheirGroup() {
        CollectionInspection tasks = new CollectionInspection(
                "backend",
                "task",
                10,
                1000,
                "5.0.0",
                Map.of(),
                List.of(
                        new UrlPrefixCount("execution.artifacts.*.uri", FILES, 20),
                        new UrlPrefixCount("configuration.*.value", FILES, 7)));
        IndexInspection logs = new IndexInspection(
                "events-log-" + COMPANY,
                100,
                1000,
                "7.10.2",
                List.of(),
                false,
                List.of(),
                List.of(new UrlPrefixCount("msg", FILES, 3)),
                0,
                List.of());
        IndexInspection debugImages = new IndexInspection(
                "events-training_debug_image-" + COMPANY,
                50,
                1000,
                "7.10.2",
                List.of(),
                false,
                List.of("url"),
                List.of(new UrlPrefixCount("url", FILES, 50)),
                0,
                List.of());

        List<UrlPrefixTotal> totals = UrlPrefixTotal.of(List.of(tasks), List.of(logs, debugImages));

        assertThat(totals).singleElement().satisfies(total -> {
            assertThat(total.mongo()).isEqualTo(27);
            assertThat(total.elastic()).isEqualTo(53);
            assertThat(total.fields())
                    .containsEntry("task: execution.artifacts.*.uri", 20L)
                    .containsEntry("events-training_debug_image-*: url", 50L);
            assertThat(total.optIn())
                    .containsOnly(
                            Map.entry("task: configuration.*.value", "configuration"),
                            Map.entry("events-log-*: msg", "logs"));
        });
    }
}
