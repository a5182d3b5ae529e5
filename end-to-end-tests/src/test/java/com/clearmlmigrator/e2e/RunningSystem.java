package com.clearmlmigrator.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
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
import com.clearmlmigrator.testsupport.TestCertificates;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Starts a whole system once per test run, on free ports: real Kafka, Elasticsearch 7.10.2 and 5.6.16, the MongoDB
 * wire server and the three packaged services, each its own process. Seeds the synthetic dataset into MongoDB (both
 * artifact shapes), ES 5.6 (ES 5.6-era indices) and ES 7 (ES 7-era indices). Stops everything when the run ends.
 * After each test class, cancels what that class left running: a test that failed midway must not hold a store, and so
 * fail every test after it with 409.
 *
 * <p>There are two such systems, one per lane of the run ({@link OnRunningSystem}, {@link OnSecondSystem}); the second
 * starts only when a class of its lane first needs it. The helpers every class shares ({@link Migrations},
 * {@link ServiceFaults}, {@link #given()}) reach "the system of the test under way" through {@link #ports()} and
 * {@link #stack()}: JUnit runs a class's callbacks and tests on one thread, which this extension binds to the class's
 * system, and the threads a test starts (Awaitility's, a proxy's) inherit the binding.
 */
public final class RunningSystem implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    /** The dataset every end-to-end test sees, on either system. */
    public static final ClearmlWorld WORLD = ClearmlWorld.generate(DatasetSpec.of(42, 2, 20));

    /** The CA the services are told to trust (MIGRATOR_TLS_CA_FILE), as an organisation's own CA would be. */
    static final TestCertificates AUTHORITY = TestCertificates.newAuthority("clearml-migrator test CA");

    private static final InheritableThreadLocal<StartedSystem> CURRENT = new InheritableThreadLocal<>();
    private static final ExtensionContext.Namespace CLASS_SYSTEM =
            ExtensionContext.Namespace.create(RunningSystem.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String name = context.getRequiredTestClass().isAnnotationPresent(OnSecondSystem.class) ? "stack-2" : "stack";
        // The run's store closes the system when the run ends; the class's store keeps only its name, as it closes
        // what it holds when the class ends.
        context.getStore(CLASS_SYSTEM).put(CLASS_SYSTEM, name);
        CURRENT.remove(); // a system that fails to start leaves none bound, and afterAll nothing to cancel
        CURRENT.set(systemOf(context));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        CURRENT.set(systemOf(context));
    }

    private static StartedSystem systemOf(ExtensionContext context) {
        String name = context.getStore(CLASS_SYSTEM).get(CLASS_SYSTEM, String.class);
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(name, RunningSystem::start, StartedSystem.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (CURRENT.get() == null) {
            return; // the system did not start
        }
        for (String id : Migrations.unended()) {
            System.err.println(context.getDisplayName() + " left migration " + id + " running; cancelling it.");
            Migrations.cancelUnlessEnded(id);
        }
    }

    public static StackPorts ports() {
        return stack().ports();
    }

    public static LocalStack stack() {
        return current().stack();
    }

    /** Drops a MongoDB database a test class seeded for itself on the test's system. */
    public static void dropDatabase(String name) {
        try (MongoClient client = MongoClients.create(ports().mongoUri())) {
            client.getDatabase(name).drop();
        }
    }

    /** A request to the planner of the test's system, as RestAssured's {@code given()} is to its global one. */
    static RequestSpecification given() {
        return RestAssured.given().baseUri(ports().plannerUrl()).port(ports().planner());
    }

    /** The proxy through which the second system's services reach their own database (the migrator's MongoDB). */
    static TcpFaultProxy servicesMongo() {
        TcpFaultProxy proxy = current().servicesMongo();
        if (proxy == null) {
            throw new IllegalStateException("Only the second system's services reach their database through a proxy:"
                    + " annotate the class with @OnSecondSystem.");
        }
        return proxy;
    }

    /** The worker copies the fault tests started on the test's system besides the stack's own. */
    static ServiceCopies copies() {
        return current().copies();
    }

    private static StartedSystem current() {
        StartedSystem system = CURRENT.get();
        if (system == null) {
            throw new IllegalStateException("Not in a test on a running system: annotate the class with "
                    + "@OnRunningSystem or @OnSecondSystem.");
        }
        return system;
    }

    private static StartedSystem start(String name) {
        RepoLayout layout = RepoLayout.locate();
        Path stateDir = layout.root().resolve("end-to-end-tests/target").resolve(name);
        deleteRecursively(stateDir);
        Path trustedCa = AUTHORITY.writeCaPem(stateDir.resolve("trusted-ca.pem"));
        StackPorts ports = StackPorts.free();
        StackOptions options = StackOptions.forTests().withTrustedCaFile(trustedCa);
        // The second system's services reach their own database through a proxy, so a test can take it away.
        TcpFaultProxy servicesMongo = name.equals("stack-2") ? withoutFault(ports.mongo()) : null;
        if (servicesMongo != null) {
            options = options.withServicesMongo("mongodb://127.0.0.1:" + servicesMongo.port());
        }
        LocalStack started = new LocalStack(layout, ports, options, stateDir);
        try {
            started.startServers();
            seed(started.ports());
            started.startServices();
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return new StartedSystem(started, new ServiceCopies(), servicesMongo);
    }

    private static TcpFaultProxy withoutFault(int mongoPort) {
        try {
            return new TcpFaultProxy(mongoPort, Long.MAX_VALUE, 0, proxy -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /**
     * A started system and the worker copies tests added to it; closes its stack when the test run ends.
     *
     * @param servicesMongo the proxy between the services and their own database, on the second system; else null
     */
    private record StartedSystem(LocalStack stack, ServiceCopies copies, TcpFaultProxy servicesMongo)
            implements AutoCloseable {
        @Override
        public void close() throws IOException {
            stack.close();
            if (servicesMongo != null) {
                servicesMongo.close();
            }
        }
    }
}
