package com.clearmlmigrator.e2e;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;

/**
 * ES 7 to ES 8: from the stack's real ES 7.10.2 node to Elastic's ES 8 image, through the whole system. Where
 * {@code EsCopyToEs8IT} copies to an ES 8 node embedded without the distribution's modules, this one meets the full
 * distribution; it is skipped where Docker is not available and runs for those who have it. Security is off in the
 * container: TLS and credentials have tests of their own ({@code TlsIT}, {@code CredentialsIT}).
 */
@Testcontainers(disabledWithoutDocker = true)
@OnRunningSystem
class EsCopyToEs8ContainerIT {
    private static final int HTTP = 9200;

    @Container
    @SuppressWarnings("resource") // closed by the Testcontainers extension
    static final GenericContainer<?> ES8 = new GenericContainer<>(
                    "docker.elastic.co/elasticsearch/elasticsearch:8.15.3")
            .withExposedPorts(HTTP)
            .withEnv("discovery.type", "single-node")
            .withEnv("xpack.security.enabled", "false")
            .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
            // A developer's disk is often fuller than the default watermarks allow new shards on.
            .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
            .waitingFor(Wait.forHttp("/").forPort(HTTP).forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));

    @RegisterExtension
    static final OwnCompanies own = OwnCompanies.onStack(ElasticEra.ES7, DatasetSpec.of(9, 3, 8));

    @Test
    void copiesEveryIndexFromEs7ToEs8IntactAndVerified() {
        own.copyAndCheck("http://" + ES8.getHost() + ":" + ES8.getMappedPort(HTTP), "8.");
    }
}
