package com.clearmlmigrator.stores;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.FailureReason;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON over the low-level REST client, for every Elasticsearch version we meet (5.6 to 8): plain {@code
 * application/json}, because ES 7.10 answers 406 to the compatibility headers newer clients send.
 */
public final class ElasticClient implements AutoCloseable {
    /**
     * Reads numbers exactly as stored (floats as decimals, trailing zeros kept), so a document read here and written
     * elsewhere keeps its values and its field types: {@code 1.0} must not come back as {@code 1}, which a dynamic
     * mapping would take for a long. Strings of any length: an ES 5.6-era plot kept uncompressed in {@code plot_str}
     * may be tens of megabytes, past Jackson's default limit of 20 million characters; how large a document the worker
     * takes is its own setting ({@code elastic-worker.max-document-bytes}).
     */
    public static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(Integer.MAX_VALUE)
                            .build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Bulk and multi-search bodies: a JSON document per line. */
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);

    private final RestClient rest;
    private final ElasticFailures failures;
    private volatile int majorVersion;

    /** @param tls the authorities trusted on {@code https} hosts ({@link TrustedAuthorities}) */
    ElasticClient(ElasticEndpoint endpoint, SSLContext tls, int connectTimeoutMillis, int socketTimeoutMillis) {
        this.failures = new ElasticFailures(endpoint.hosts());
        HttpHost[] httpHosts = endpoint.hosts().stream().map(HttpHost::create).toArray(HttpHost[]::new);
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        if (endpoint.hasCredentials()) {
            credentials.setCredentials(
                    AuthScope.ANY, new UsernamePasswordCredentials(endpoint.username(), endpoint.password()));
        }
        this.rest = RestClient.builder(httpHosts)
                .setRequestConfigCallback(
                        config -> config.setConnectTimeout(connectTimeoutMillis).setSocketTimeout(socketTimeoutMillis))
                .setHttpClientConfigCallback(http -> http.setSSLContext(tls).setDefaultCredentialsProvider(credentials))
                .build();
    }

    /** The cluster's major version (5, 6, 7, 8), asked once: requests differ in a few names between versions. */
    public int majorVersion() {
        if (majorVersion == 0) {
            majorVersion = get("/").path("version").path("number").asText("7").charAt(0) - '0';
        }
        return majorVersion;
    }

    /**
     * Whether the cluster answers {@code GET /} within {@code within}, whatever it says: a node that refuses or errs is
     * alive. Never throws.
     */
    public boolean answersWithin(Duration within) {
        int millis = (int) within.toMillis();
        Request request = new Request("GET", "/");
        request.setOptions(RequestOptions.DEFAULT.toBuilder()
                .setRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(millis)
                        .setConnectionRequestTimeout(millis)
                        .setSocketTimeout(millis)
                        .build()));
        try {
            rest.performRequest(request);
            return true;
        } catch (ResponseException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** True when a HEAD of the path answers 200, false when it answers 404. */
    public boolean exists(String path) {
        Request request = new Request("HEAD", path);
        try {
            return rest.performRequest(request).getStatusLine().getStatusCode() == 200;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return false;
            }
            throw failures.rejected("HEAD", path, e);
        } catch (IOException e) {
            throw failures.unreachable(e);
        }
    }

    /** GET a path and read the JSON answer. */
    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** Sends a {@code _bulk} request (newline-delimited JSON) and reads the answer. */
    public BulkAnswer bulk(String ndjson) {
        return send("POST", "/_bulk", ndjson, NDJSON, BulkAnswer::read);
    }

    /** Sends a {@code _bulk} request built of pieces, each sent as it is, and reads the answer. */
    public BulkAnswer bulk(BulkBody body) {
        Request request = new Request("POST", "/_bulk");
        request.setEntity(body.entity());
        return perform(request, BulkAnswer::read);
    }

    /** Sends a {@code _msearch} request (newline-delimited JSON: a header line and a body line per search). */
    public JsonNode multiSearch(String ndjson) {
        return send("POST", "/_msearch", ndjson, NDJSON, JSON::readTree);
    }

    /**
     * Sends a request with an optional JSON body and reads the JSON answer. 429 and 5xx answers and connection
     * problems become {@link FailureReason#TARGET_UNAVAILABLE}; other error answers {@link
     * FailureReason#TARGET_REJECTED}.
     */
    public JsonNode send(String method, String path, String body) {
        return send(method, path, body, ContentType.APPLICATION_JSON);
    }

    /**
     * Sends a request and returns the answer as the exact text the cluster sent, for callers that must keep parts of
     * it byte for byte (a copy passes each {@code _source} through untouched).
     */
    public String sendForText(String method, String path, String body) {
        return send(
                method,
                path,
                body,
                ContentType.APPLICATION_JSON,
                content -> new String(content.readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * Sends a request with an optional JSON body and reads the answer into plain maps and lists, numbers as exact as
     * {@link #JSON} reads them: for callers that work on maps, cheaper than a tree converted afterwards.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> sendForMap(String method, String path, String body) {
        return send(method, path, body, ContentType.APPLICATION_JSON, content -> JSON.readValue(content, Map.class));
    }

    private JsonNode send(String method, String path, String body, ContentType type) {
        return send(method, path, body, type, JSON::readTree);
    }

    /** How an answer's body is read. */
    @FunctionalInterface
    public interface AnswerReader<T> {
        T read(InputStream content) throws IOException;
    }

    /**
     * Sends a request with an optional JSON body and gives the answer to {@code reader} while it arrives, through a
     * buffer of fixed size ({@link StreamingAnswers}): for answers that may be larger than memory should hold, such as a
     * scroll page of plots. Errors map as in {@link #send(String, String, String)}; a reader that stops early (it threw)
     * cancels the rest of the answer.
     */
    public <T> T stream(String method, String path, String body, AnswerReader<T> reader) {
        Request request = new Request(method, path);
        if (body != null) {
            request.setEntity(new NStringEntity(body, ContentType.APPLICATION_JSON));
        }
        return new StreamedCall(rest, failures).read(request, reader);
    }

    private <T> T send(String method, String path, String body, ContentType type, AnswerReader<T> reader) {
        Request request = new Request(method, path);
        if (body != null) {
            request.setEntity(new NStringEntity(body, type));
        }
        return perform(request, reader);
    }

    private <T> T perform(Request request, AnswerReader<T> reader) {
        String method = request.getMethod();
        String path = request.getEndpoint();
        try {
            Response response = rest.performRequest(request);
            try (InputStream content = response.getEntity().getContent()) {
                return reader.read(content);
            }
        } catch (ResponseException e) {
            throw failures.rejected(method, path, e);
        } catch (IOException e) {
            throw failures.unreachable(e);
        }
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
