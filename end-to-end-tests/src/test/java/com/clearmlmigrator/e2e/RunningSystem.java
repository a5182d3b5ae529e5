package com.clearmlmigrator.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.localservers.RepoLayout;
import com.clearmlmigrator.localservers.StackOptions;
import com.clearmlmigrator.localservers.StackPorts;
import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;
import com.clearmlmigrator.synthetic.ElasticSeeder;
import com.clearmlmigrator.synthetic.EventDataset;
import com.clearmlmigrator.synthetic.MongoDataset;
import com.clearmlmigrator.synthetic.MongoSeeder;

import io.restassured.RestAssured;

/**
 * Starts the whole system once per test run, on free ports: real Kafka, Elasticsearch 7.10.2 and 5.6.16, the MongoDB
 * wire server and the three packaged services, each its own process. Seeds the synthetic dataset into MongoDB (both
 * artifact shapes), ES 5.6 (ES 5.6-era indices) and ES 7 (ES 7-era indices). Stops everything when the run ends.
 * After each test class, cancels what that class left running: a test that failed midway must not hold a store, and so
 * fail every test after it with 409.
 */
public final class RunningSystem implements BeforeAllCallback, AfterAllCallback {
    /** The dataset every end-to-end test sees. */
    public static final ClearmlWorld WORLD = ClearmlWorld.generate(DatasetSpec.of(42, 2, 20));

    /** The CA the services are told to trust (MIGRATOR_TLS_CA_FILE), as an organisation's own CA would be. */
    static final TestCertificates AUTHORITY = TestCertificates.newAuthority("clearml-migrator test CA");

    private static volatile LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningSystem.class, key -> new Started(start()), Started.class);
        RestAssured.baseURI = ports().plannerUrl();
        RestAssured.port = ports().planner();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (stack == null) {
            return;
        }
        for (String id : Migrations.unended()) {
            System.err.println(context.getDisplayName() + " left migration " + id + " running; cancelling it.");
            Migrations.cancelUnlessEnded(id);
        }
    }

    public static StackPorts ports() {
        return stack.ports();
    }

    public static LocalStack stack() {
        return stack;
    }

    private static LocalStack start() {
        RepoLayout layout = RepoLayout.locate();
        Path stateDir = layout.root().resolve("end-to-end-tests/target/stack");
        deleteRecursively(stateDir);
        Path trustedCa = AUTHORITY.writeCaPem(stateDir.resolve("trusted-ca.pem"));
        LocalStack started = new LocalStack(
                layout, StackPorts.free(), StackOptions.forTests().withTrustedCaFile(trustedCa), stateDir);
        try {
            started.startServers();
            seed(started.ports());
            started.startServices();
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        stack = started;
        return started;
    }

    private static void seed(StackPorts ports) {
        new MongoSeeder(ports.mongoUri()).seed(MongoDataset.DATABASE, new MongoDataset(WORLD).collections());
        new MongoSeeder(ports.mongoUri()).seed(MongoDataset.AUTH_DATABASE, new MongoDataset(WORLD).authCollections());
        new ElasticSeeder(ports.elastic5Url())
                .seed(ElasticEra.ES5, new EventDataset(WORLD, ElasticEra.ES5).documents());
        new ElasticSeeder(ports.elastic7Url())
                .seed(ElasticEra.ES7, new EventDataset(WORLD, ElasticEra.ES7).documents());
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the stack when the test run ends. */
    private record Started(LocalStack stack) implements AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }
}
