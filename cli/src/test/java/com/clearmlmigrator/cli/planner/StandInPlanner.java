package com.clearmlmigrator.cli.planner;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A stand-in for the planner over real HTTP, on a free port of this host, answering one path as the test says. */
public final class StandInPlanner implements AutoCloseable {
    private final HttpServer server;

    public StandInPlanner(String path, HttpHandler answer) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(path, answer);
        server.start();
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** A client of this planner that waits {@code answerWithin} for each answer. */
    public PlannerClient client(Duration answerWithin) {
        return new PlannerClient(address(), Optional.empty(), answerWithin);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
