package com.clearmlmigrator.stores;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import org.bson.Document;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * One MongoDB client per connection string, opened on first use and kept for the life of the process: tasks of the same
 * migration share a pool instead of paying a handshake each.
 */
public final class MongoConnections implements AutoCloseable {
    private final Map<String, MongoClient> clients = new ConcurrentHashMap<>();
    private final Duration answerTimeout;
    private final SSLContext tls;

    /**
     * @param answerTimeout how long to wait for a server to be found and for a connection to open
     * @param tls           the authorities trusted when the connection string asks for TLS ({@link TrustedAuthorities})
     */
    public MongoConnections(Duration answerTimeout, SSLContext tls) {
        this.answerTimeout = answerTimeout;
        this.tls = tls;
    }

    /**
     * Runs {@code work} against the endpoint's database and turns driver errors into task failures whose message names
     * the server (without credentials).
     */
    public <T> T withDatabase(MongoEndpoint endpoint, Function<MongoDatabase, T> work) {
        return withClient(endpoint, client -> work.apply(client.getDatabase(endpoint.database())));
    }

    /** Like {@link #withDatabase}, for server-wide work such as listing databases. */
    public <T> T withClient(MongoEndpoint endpoint, Function<MongoClient, T> work) {
        MongoClient client = clients.computeIfAbsent(endpoint.uri(), uri -> open(endpoint));
        try {
            return work.apply(client);
        } catch (MongoException e) {
            throw translate(endpoint, e);
        }
    }

    /**
     * Whether the server answers a {@code ping} within {@code within}, whatever it says: one that refuses the command or
     * the credentials is alive. Never throws.
     */
    public boolean answers(MongoEndpoint endpoint, Duration within) {
        try {
            MongoClient client = clients.computeIfAbsent(endpoint.uri(), uri -> open(endpoint));
            client.getDatabase(endpoint.database())
                    .withTimeout(within.toMillis(), TimeUnit.MILLISECONDS)
                    .runCommand(new Document("ping", 1));
            return true;
        } catch (MongoException e) {
            return !isUnreachable(e);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private MongoClient open(MongoEndpoint endpoint) {
        ConnectionString connection;
        try {
            connection = new ConnectionString(endpoint.uri());
        } catch (IllegalArgumentException e) {
            // The driver quotes the part it could not read, and in a string whose '@' was lost that part is the
            // password: say what is wrong, never what is there.
            String problem = e.getMessage().replaceAll("\\s*'[^']*'", "").strip();
            throw new TaskFailedException(
                    FailureReason.BAD_INPUT, "The MongoDB connection string is not valid: " + problem);
        }
        long millis = answerTimeout.toMillis();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout((int) millis, TimeUnit.MILLISECONDS)
                        // A server that stops answering must fail the task, not hang it (local-servers.md addendum).
                        .readTimeout(5, TimeUnit.MINUTES))
                // Whether to use TLS stays the connection string's choice (tls=true); this only says whom to trust.
                .applyToSslSettings(b -> b.context(tls))
                .build();
        return MongoClients.create(settings);
    }

    static TaskFailedException translate(MongoEndpoint endpoint, MongoException e) {
        String where = "MongoDB at " + endpoint.redactedUri();
        if (TrustedAuthorities.isTlsFailure(e) || String.valueOf(e.getMessage()).contains("javax.net.ssl.")) {
            // A server selection timeout names the TLS failure only in its text.
            return new TaskFailedException(
                    FailureReason.TARGET_REJECTED, where + " failed the TLS handshake." + TrustedAuthorities.ADVICE, e);
        }
        if (isUnreachable(e)) {
            return new TaskFailedException(
                    FailureReason.TARGET_UNAVAILABLE, where + " is unreachable: no answer within the timeout.", e);
        }
        if (e instanceof MongoSecurityException) {
            return new TaskFailedException(
                    FailureReason.TARGET_REJECTED, where + " refused the credentials in the connection string.", e);
        }
        // What the server or the driver said: "(code -3)" alone left an operator nothing to act on. A refusal's
        // message names the command and the server, never the connection string.
        String said = e instanceof MongoCommandException refusal ? refusal.getErrorMessage() : e.getMessage();
        return new TaskFailedException(
                FailureReason.TARGET_REJECTED,
                where + " refused the request (code " + e.getCode() + ")"
                        + (said == null || said.isBlank()
                                ? "."
                                : ": " + said.strip().replaceAll("[.\\s]+$", "") + "."),
                e);
    }

    /**
     * Whether a failure says the server is away for now (down, restarting, electing a primary), an outage to be waited
     * out rather than a refusal. The server dropping away mid-operation also surfaces as the pool cleared or the server
     * unavailable (a relink failed a task on it in the 3-second outage test).
     */
    public static boolean isUnreachable(Throwable e) {
        return e instanceof MongoTimeoutException
                || e instanceof MongoSocketException
                || e instanceof MongoServerUnavailableException
                || e instanceof MongoConnectionPoolClearedException
                || e instanceof MongoNotPrimaryException
                || e instanceof MongoNodeIsRecoveringException;
    }

    @Override
    public void close() {
        clients.values().forEach(MongoClient::close);
        clients.clear();
    }
}
