package com.clearmlmigrator.stores;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;

/** One {@link ElasticClient} per endpoint (hosts and user), opened on first use and kept for the life of the process. */
public final class ElasticConnections implements AutoCloseable {
    private final Map<ElasticEndpoint, ElasticClient> clients = new ConcurrentHashMap<>();
    private final Duration connectTimeout;
    private final Duration answerTimeout;
    private final SSLContext tls;

    /**
     * @param connectTimeout how long to wait for a connection
     * @param answerTimeout  how long to wait for an answer; bulk and scroll requests need minutes on big indices
     * @param tls            the authorities trusted on {@code https} hosts ({@link TrustedAuthorities})
     */
    public ElasticConnections(Duration connectTimeout, Duration answerTimeout, SSLContext tls) {
        this.connectTimeout = connectTimeout;
        this.answerTimeout = answerTimeout;
        this.tls = tls;
    }

    public ElasticClient client(ElasticEndpoint endpoint) {
        return clients.computeIfAbsent(endpoint, this::open);
    }

    /** Whether the cluster answers a request that costs it nothing within {@code within}; never throws. */
    public boolean answers(ElasticEndpoint endpoint, Duration within) {
        try {
            return client(endpoint).answersWithin(within);
        } catch (TaskFailedException e) {
            return false;
        }
    }

    private ElasticClient open(ElasticEndpoint endpoint) {
        try {
            return new ElasticClient(endpoint, tls, (int) connectTimeout.toMillis(), (int) answerTimeout.toMillis());
        } catch (IllegalArgumentException e) {
            throw new TaskFailedException(
                    FailureReason.BAD_INPUT, "Elasticsearch hosts " + endpoint.hosts() + " are not valid URLs.");
        }
    }

    @Override
    public void close() {
        for (ElasticClient client : clients.values()) {
            try {
                client.close();
            } catch (IOException e) {
                // Closing idle connections at shutdown; nothing is left to lose.
            }
        }
        clients.clear();
    }
}
