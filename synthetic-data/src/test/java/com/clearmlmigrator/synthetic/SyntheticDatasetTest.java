package com.clearmlmigrator.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;

import org.junit.jupiter.api.Test;

class SyntheticDatasetTest {
    private final ClearmlWorld world = ClearmlWorld.generate(DatasetSpec.of(7, 2, 20));

    @Test
    void sameSeedGivesTheSameDocuments() {
        ClearmlWorld again = ClearmlWorld.generate(DatasetSpec.of(7, 2, 20));

        assertThat(new MongoDataset(again).collections()).isEqualTo(new MongoDataset(world).collections());
        assertThat(new EventDataset(again, ElasticEra.ES7).documents())
                .isEqualTo(new EventDataset(world, ElasticEra.ES7).documents());
    }

    @Test
    void anotherSeedGivesOtherIds() {
        ClearmlWorld other = ClearmlWorld.generate(DatasetSpec.of(8, 2, 20));

        assertThat(other.companies().get(0).tasks().get(0).id())
                .isNotEqualTo(world.companies().get(0).tasks().get(0).id());
    }

    @Test
    void tasksHaveArtifactsInBothTheLegacyListAndTheMapShape() {
        List<Map<String, Object>> tasks = new MongoDataset(world).collections().get("task");

        assertThat(tasks).hasSize(40);
        assertThat(tasks)
                .anySatisfy(t -> assertThat(execution(t).get("artifacts")).isInstanceOf(List.class));
        assertThat(tasks)
                .anySatisfy(t -> assertThat(execution(t).get("artifacts")).isInstanceOf(Map.class));
        assertThat(tasks).anySatisfy(t -> assertThat(t).containsKeys("report", "report_assets"));
    }

    @Test
    void modelsIncludeNearMissDecoysOfTheOldOrigin() {
        List<Object> uris = new MongoDataset(world)
                .collections().get("model").stream().map(m -> m.get("uri")).toList();

        assertThat(uris).anySatisfy(u -> assertThat((String) u).startsWith("http://files.old.lan:8081/"));
        assertThat(uris).anySatisfy(u -> assertThat((String) u).startsWith("http://files.old.lan:80810/"));
    }

    @Test
    void es5EventsAreTypedAndRoutedByTaskWhileStatisticsAreNotRouted() {
        List<EventDocument> documents = new EventDataset(world, ElasticEra.ES5).documents();

        assertThat(documents).filteredOn(d -> d.index().startsWith("events-")).allSatisfy(d -> {
            assertThat(d.type()).isEqualTo("event");
            assertThat(d.routing()).isEqualTo(d.source().get("task"));
        });
        assertThat(documents)
                .filteredOn(d -> d.index().startsWith("worker_stats_"))
                .allSatisfy(d -> assertThat(d.type()).isEqualTo("stat"));
        assertThat(documents).noneSatisfy(d -> assertThat(d.source()).containsKey("plot_data"));
    }

    @Test
    void largeEs7PlotsAreCompressedAndDecompressToTheirLength() throws DataFormatException {
        List<EventDocument> compressed = new EventDataset(world, ElasticEra.ES7)
                .documents().stream()
                        .filter(d -> d.source().containsKey("plot_data"))
                        .toList();

        assertThat(compressed).isNotEmpty();
        for (EventDocument plot : compressed) {
            String json = Plots.decompress((String) plot.source().get("plot_data"));
            assertThat(plot.source()).doesNotContainKey("plot_str");
            assertThat(json).hasSize((Integer) plot.source().get("plot_len"));
            assertThat(json.length()).isGreaterThanOrEqualTo(Plots.COMPRESSION_THRESHOLD);
            assertThat((List<?>) plot.source().get("source_urls")).isEqualTo(Plots.sourceUrls(json));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> execution(Map<String, Object> task) {
        return (Map<String, Object>) task.get("execution");
    }
}
