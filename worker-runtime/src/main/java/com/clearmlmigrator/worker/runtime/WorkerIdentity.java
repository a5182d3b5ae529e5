package com.clearmlmigrator.worker.runtime;

import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.clearmlmigrator.contracts.WorkerKind;

/**
 * This worker process: its kind and an id that names it in heartbeats, leases and logs, such as {@code
 * elastic-worker@host/4711#k3f9}. The suffix is drawn at every start, so a process restarted under the same host and
 * process number (pid 1 again in a container) is a new worker: a lease of the old process is never mistaken for its
 * own.
 */
@ApplicationScoped
public class WorkerIdentity {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final WorkerKind kind;
    private final String id;

    public WorkerIdentity(
            @ConfigProperty(name = "worker.kind") WorkerKind kind,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.kind = kind;
        this.id = application + "@" + host() + "/" + ProcessHandle.current().pid() + "#" + suffix();
    }

    public WorkerKind kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "localhost" : host;
    }

    private static String suffix() {
        SecureRandom random = new SecureRandom();
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return suffix.toString();
    }
}
