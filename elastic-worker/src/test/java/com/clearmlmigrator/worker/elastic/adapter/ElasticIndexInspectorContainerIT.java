package com.clearmlmigrator.worker.elastic.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.IndexInspection;
import com.clearmlmigrator.stores.ElasticConnections;
import com.clearmlmigrator.stores.TrustedAuthorities;
import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;
import com.clearmlmigrator.synthetic.ElasticSeeder;
import com.clearmlmigrator.synthetic.EventDataset;

/** Against the real Elasticsearch 7.10.2 image; skipped where Docker is not available. */
@Testcontainers(disabledWithoutDocker = true)
class ElasticIndexInspectorContainerIT {
    @Container
    static final ElasticsearchContainer ELASTIC =
            new ElasticsearchContainer("docker.elastic.co/elasticsearch/elasticsearch-oss:7.10.2");

    @Test
    void inspectsATypelessPlotIndexWithCompressedPlots() {
        String url = "http://" + ELASTIC.getHttpHostAddress();
        ClearmlWorld world = ClearmlWorld.generate(DatasetSpec.of(3, 1, 10));
        new ElasticSeeder(url).seed(ElasticEra.ES7, new EventDataset(world, ElasticEra.ES7).documents());
        String index = EventDataset.eventIndex("plot", world.companies().get(0).id());

        try (ElasticConnections connections =
                new ElasticConnections(Duration.ofSeconds(5), Duration.ofSeconds(30), TrustedAuthorities.jvmOnly())) {
            IndexInspection inspection = new ElasticIndexInspector(connections, new DocumentLimits(1 << 20, 64 << 20))
                    .inspect(new ElasticEndpoint(List.of(url), null, null), index, n -> {});

            assertThat(inspection.serverVersion()).isEqualTo("7.10.2");
            assertThat(inspection.documents()).isEqualTo(11);
            assertThat(inspection.mappingTypes()).isEmpty();
            assertThat(inspection.urlFields()).contains("plot_str", "plot_data");
        }
    }
}
