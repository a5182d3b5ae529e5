package com.clearmlmigrator.worker.runtime;

import java.net.InetSocketAddress;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Task leases in a MongoDB wire server of the test's own, on loopback; it can go away and come back. */
final class LocalLeases implements AutoCloseable {
    private final MemoryBackend data = new KeptMemoryBackend();
    private final InetSocketAddress address;
    private final MongoClient client;
    private MongoServer server;
    final MongoTaskLeases leases;

    LocalLeases() {
        data.version(ServerVersion.MONGO_5_0);
        server = new MongoServer(data);
        address = server.bind();
        // A short selection timeout, so that a call made while the server is away fails within the test.
        client = MongoClients.create(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/?serverSelectionTimeoutMS=300");
        leases = new MongoTaskLeases(client.getDatabase("clearml_migrator"));
    }

    /** Takes the server off its port, as a MongoDB that went down; the leases stay for {@link #bringBack}. */
    void takeAway() {
        server.shutdownNow();
    }

    /** The server back on its port, with the leases it held. */
    void bringBack() {
        server = new MongoServer(data);
        server.bind(address);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }

    /** Data that outlives a server's shutdown, for a server started again on it. */
    private static final class KeptMemoryBackend extends MemoryBackend {
        @Override
        public void close() {
            // Kept: bringBack serves it again.
        }
    }
}
