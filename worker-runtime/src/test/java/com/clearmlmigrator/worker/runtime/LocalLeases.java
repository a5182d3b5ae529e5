package com.clearmlmigrator.worker.runtime;

import java.net.InetSocketAddress;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Task leases in a MongoDB wire server of the test's own, on loopback. */
final class LocalLeases implements AutoCloseable {
    private final MongoServer server;
    private final MongoClient client;
    final MongoTaskLeases leases;

    LocalLeases() {
        MemoryBackend backend = new MemoryBackend();
        backend.version(ServerVersion.MONGO_5_0);
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        leases = new MongoTaskLeases(client.getDatabase("clearml_migrator"));
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
