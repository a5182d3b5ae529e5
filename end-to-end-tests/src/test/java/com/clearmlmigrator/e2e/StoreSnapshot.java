package com.clearmlmigrator.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** Every document of a store, by collection or index and id, to compare before and after a migration. */
final class StoreSnapshot {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StoreSnapshot() {}

    /** Collection name to documents by id. */
    static Map<String, Map<String, Map<String, Object>>> mongo(String uri, String database) {
        Map<String, Map<String, Map<String, Object>>> snapshot = new TreeMap<>();
        try (MongoClient client = MongoClients.create(uri)) {
            var db = client.getDatabase(database);
            for (String collection : db.listCollectionNames()) {
                Map<String, Map<String, Object>> documents = new TreeMap<>();
                for (Document doc : db.getCollection(collection).find()) {
                    documents.put(String.valueOf(doc.get("_id")), doc);
                }
                snapshot.put(collection, documents);
            }
        }
        return snapshot;
    }

    /** ClearML index name to {@code _source} by id (the synthetic indices hold far fewer than 10,000 documents). */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Map<String, Object>>> elastic(String url) {
        Map<String, Map<String, Map<String, Object>>> snapshot = new TreeMap<>();
        for (JsonNode row : get(url + "/_cat/indices?format=json&h=index")) {
            String index = row.path("index").asText();
            if (!index.startsWith("events-") && !index.contains("_stats_") && !index.startsWith("queue_metrics_")) {
                continue;
            }
            Map<String, Map<String, Object>> documents = new TreeMap<>();
            for (JsonNode hit :
                    get(url + "/" + index + "/_search?size=10000").path("hits").path("hits")) {
                documents.put(hit.path("_id").asText(), JSON.convertValue(hit.path("_source"), LinkedHashMap.class));
            }
            snapshot.put(index, documents);
        }
        return snapshot;
    }

    /** Routing values of an index's documents by id, to check they survive a write. */
    static Map<String, String> routing(String url, String index) {
        Map<String, String> routing = new TreeMap<>();
        for (JsonNode hit :
                get(url + "/" + index + "/_search?size=10000").path("hits").path("hits")) {
            routing.put(hit.path("_id").asText(), hit.path("_routing").asText(null));
        }
        return routing;
    }

    static List<String> indices(Map<String, Map<String, Map<String, Object>>> snapshot, String prefix) {
        return new ArrayList<>(
                snapshot.keySet().stream().filter(i -> i.startsWith(prefix)).toList());
    }

    private static JsonNode get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
