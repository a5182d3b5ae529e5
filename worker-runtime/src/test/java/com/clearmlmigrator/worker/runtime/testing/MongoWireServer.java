package com.clearmlmigrator.worker.runtime.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The MongoDB wire server in this JVM, as both the migrator's database and the ClearML database a task names. */
public class MongoWireServer implements QuarkusTestResourceLifecycleManager {
    private MongoServer server;

    @Override
    public Map<String, String> start() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        return Map.of("quarkus.mongodb.connection-string", server.bindAndGetConnectionString());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
