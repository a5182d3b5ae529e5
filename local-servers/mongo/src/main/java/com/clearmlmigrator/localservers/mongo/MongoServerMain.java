package com.clearmlmigrator.localservers.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;

/**
 * Runs the MongoDB wire-compatible server on loopback until the process is terminated.
 *
 * <p>Arguments: {@code <port> <backend>} where backend is {@code memory} or {@code h2:<file>}. Prints {@code
 * MONGO_READY} once bound. A real mongod cannot be installed on our build machines; this server lacks transactions,
 * pipeline updates and {@code $replaceOne}, so our code never needs them.
 */
public final class MongoServerMain {
    public static final String READY_MARKER = "MONGO_READY";

    private MongoServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        String backendKind = args.length > 1 ? args[1] : "memory";
        MongoBackend backend = backendKind.startsWith("h2:")
                ? new IdLookupH2Backend(backendKind.substring(3))
                : new IdLookupMemoryBackend();
        // The 5.x Java driver refuses the default 3.6 wire version.
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        // The H2 store commits on shutdown; SIGTERM must reach it.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        System.out.println(READY_MARKER + " mongodb://127.0.0.1:" + port);
        Thread.currentThread().join();
    }
}
