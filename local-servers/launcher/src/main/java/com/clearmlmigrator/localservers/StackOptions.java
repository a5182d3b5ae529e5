package com.clearmlmigrator.localservers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Heap sizes and storage of the local processes.
 *
 * @param kafkaHeap       broker heap
 * @param elasticHeap     heap of each Elasticsearch node
 * @param mongoHeap       heap of the Mongo wire server, which keeps all data on the heap when in memory
 * @param serviceHeap     heap of each service
 * @param persistentMongo keep Mongo data in an H2 file across restarts (local runs) instead of memory (tests)
 * @param trustedCaFile   a PEM file of CAs the services trust on TLS connections to users' stores, or null
 * @param servicesMongo   the MongoDB the services keep their own database in (journal, migrations), or null for the
 *                        stack's wire server; a real {@code mongod}, to measure against one
 * @param supervised      run each service under a {@link Supervisor} that starts it again when it exits ({@code
 *                        bin/dev-stack}); tests start them bare, to kill and restart them themselves
 * @param serviceJvmFlags how the services hold memory ({@link ServiceRecipes#MEMORY_FLAGS} unless {@code
 *                        SERVICE_JAVA_OPTS} replaces them)
 */
public record StackOptions(
        String kafkaHeap,
        String elasticHeap,
        String mongoHeap,
        String serviceHeap,
        boolean persistentMongo,
        Path trustedCaFile,
        String servicesMongo,
        boolean supervised,
        List<String> serviceJvmFlags) {

    public StackOptions {
        serviceJvmFlags = List.copyOf(serviceJvmFlags);
    }

    public StackOptions(
            String kafkaHeap, String elasticHeap, String mongoHeap, String serviceHeap, boolean persistentMongo) {
        this(
                kafkaHeap,
                elasticHeap,
                mongoHeap,
                serviceHeap,
                persistentMongo,
                null,
                null,
                false,
                ServiceRecipes.MEMORY_FLAGS);
    }

    /** These options with services that also trust the CAs of {@code caFile} ({@code MIGRATOR_TLS_CA_FILE}). */
    public StackOptions withTrustedCaFile(Path caFile) {
        return new StackOptions(
                kafkaHeap,
                elasticHeap,
                mongoHeap,
                serviceHeap,
                persistentMongo,
                caFile,
                servicesMongo,
                supervised,
                serviceJvmFlags);
    }

    /** These options with services that keep their own database in the MongoDB at {@code uri}. */
    public StackOptions withServicesMongo(String uri) {
        return new StackOptions(
                kafkaHeap,
                elasticHeap,
                mongoHeap,
                serviceHeap,
                persistentMongo,
                trustedCaFile,
                uri,
                supervised,
                serviceJvmFlags);
    }

    /** Defaults for tests: small heaps, Mongo in memory. */
    public static StackOptions forTests() {
        return new StackOptions("256m", "384m", "1g", "256m", false);
    }

    /** Defaults for local runs, each overridable by an environment variable such as {@code ES_HEAP}. */
    public static StackOptions fromEnvironment(Map<String, String> env) {
        return new StackOptions(
                env.getOrDefault("KAFKA_HEAP", "256m"),
                env.getOrDefault("ES_HEAP", "512m"),
                // The wire server keeps every document on its heap; tens of thousands of tasks need gigabytes.
                env.getOrDefault("MONGO_HEAP", "3g"),
                env.getOrDefault("SERVICE_HEAP", "384m"),
                !"memory".equals(env.get("MONGO_BACKEND")),
                null,
                null,
                !"false".equals(env.get("DEV_STACK_SUPERVISE")),
                env.containsKey("SERVICE_JAVA_OPTS")
                        ? List.of(env.get("SERVICE_JAVA_OPTS").trim().split("\\s+"))
                        : ServiceRecipes.MEMORY_FLAGS);
    }
}
