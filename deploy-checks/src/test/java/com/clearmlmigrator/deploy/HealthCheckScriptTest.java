package com.clearmlmigrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** docker/healthcheck.sh, the images' HEALTHCHECK, against a real HTTP server that answers as a service would. */
class HealthCheckScriptTest {
    private final AtomicInteger readiness = new AtomicInteger(200);
    private HttpServer service;

    @BeforeEach
    void aServiceOnAFreePort() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(readiness.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
    }

    @AfterEach
    void stop() {
        service.stop(0);
    }

    @Test
    void healthyWhenTheServiceIsReady() throws Exception {
        assertThat(healthCheck(service.getAddress().getPort())).isZero();
    }

    @Test
    void unhealthyWhenTheServiceIsNotReadyOrNotListening() throws Exception {
        readiness.set(503);
        assertThat(healthCheck(service.getAddress().getPort())).isNotZero();

        int port = service.getAddress().getPort();
        service.stop(0);
        assertThat(healthCheck(port)).isNotZero();
    }

    private static int healthCheck(int port) throws IOException, InterruptedException {
        ProcessBuilder check = new ProcessBuilder(
                        "bash", Repository.ROOT.resolve("docker/healthcheck.sh").toString())
                .redirectErrorStream(true);
        check.environment().put("SERVICE_PORT", Integer.toString(port));
        Process process = check.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS))
                .as("the check ends on its own")
                .isTrue();
        return process.exitValue();
    }
}
