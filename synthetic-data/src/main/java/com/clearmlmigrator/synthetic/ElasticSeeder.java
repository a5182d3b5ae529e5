package com.clearmlmigrator.synthetic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes templates and documents into an Elasticsearch cluster over plain HTTP, as a ClearML server would have. */
public final class ElasticSeeder {
    private static final int BULK_DOCUMENTS = 1_000;
    // Plots of megabytes: a bulk is sent once it holds this much, so neither side holds a bulk of gigabytes.
    private static final int BULK_CHARACTERS = 16 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ElasticSeeder(String baseUrl) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    /** Installs the era's templates, bulk-loads the documents and refreshes; returns the number written. */
    public int seed(ElasticEra era, List<EventDocument> documents) {
        IndexTemplates.forEra(era).forEach((name, body) -> send("PUT", "_template/" + name, write(body)));
        return load(documents, era);
    }

    /**
     * As a ClearML server from 1.17 on ES 8 would have: composable templates ({@link IndexTemplates#composableForEs8}),
     * then the documents, which have the ES 7 era's shape. Returns the number written.
     */
    public int seedAsEs8Server(List<EventDocument> documents) {
        IndexTemplates.Composable templates = IndexTemplates.composableForEs8();
        templates.components().forEach((name, body) -> send("PUT", "_component_template/" + name, write(body)));
        templates.indexTemplates().forEach((name, body) -> send("PUT", "_index_template/" + name, write(body)));
        return load(documents, ElasticEra.ES7);
    }

    /** Adds documents to indices that may already hold others (no templates put); returns the number written. */
    public int add(ElasticEra era, List<EventDocument> documents) {
        return load(documents, era);
    }

    private int load(List<EventDocument> documents, ElasticEra era) {
        StringBuilder body = new StringBuilder();
        int inBody = 0;
        for (EventDocument doc : documents) {
            append(body, doc, era);
            if (++inBody == BULK_DOCUMENTS || body.length() >= BULK_CHARACTERS) {
                bulk(body.toString());
                body.setLength(0);
                inBody = 0;
            }
        }
        if (inBody > 0) {
            bulk(body.toString());
        }
        send("POST", "_refresh", "");
        return documents.size();
    }

    private static void append(StringBuilder body, EventDocument doc, ElasticEra era) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("_index", doc.index());
        if (doc.type() != null) {
            action.put("_type", doc.type());
        }
        action.put("_id", doc.id());
        if (doc.routing() != null) {
            // ES 5.6 names the bulk routing field _routing; ES 7 calls it routing.
            action.put(era == ElasticEra.ES5 ? "_routing" : "routing", doc.routing());
        }
        body.append(write(Map.of("index", action))).append('\n');
        body.append(write(doc.source())).append('\n');
    }

    private void bulk(String body) {
        JsonNode answer = read(send("POST", "_bulk", body));
        if (answer.path("errors").asBoolean()) {
            JsonNode firstFailure = answer.path("items").get(0);
            for (JsonNode item : answer.path("items")) {
                if (item.elements().next().has("error")) {
                    firstFailure = item;
                    break;
                }
            }
            throw new IllegalStateException("Bulk seeding into " + baseUrl + " failed: " + firstFailure);
        }
    }

    private String send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", path.equals("_bulk") ? "application/x-ndjson" : "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " on " + baseUrl + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Elasticsearch at " + baseUrl + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding " + baseUrl, e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
