package com.clearmlmigrator.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Plain HTTP to a test cluster, reading numbers exactly so documents compare value for value. */
final class ElasticHttp {
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String url;

    ElasticHttp(String url) {
        this.url = url;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode put(String path, String body) {
        return send("PUT", path, body);
    }

    JsonNode post(String path, String body) {
        return send("POST", path, body);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /** The cluster's version number, as {@code GET /} gives it. */
    String version() {
        return get("/").path("version").path("number").asText();
    }

    /**
     * Every document of an index by id: its routing and source, read in one scroll.
     *
     * @return id to {@code {"_routing": ..., "_source": ...}}
     */
    Map<String, JsonNode> documents(String index) {
        return documents(index, 1000);
    }

    /** As {@link #documents(String)}, in pages of {@code pageSize}: a few at a time for plots of megabytes. */
    Map<String, JsonNode> documents(String index, int pageSize) {
        Map<String, JsonNode> documents = new TreeMap<>();
        JsonNode page = post("/" + index + "/_search?scroll=1m", "{\"size\":" + pageSize + ",\"sort\":[\"_doc\"]}");
        while (page.path("hits").path("hits").size() > 0) {
            for (JsonNode hit : page.path("hits").path("hits")) {
                var kept = JSON.createObjectNode();
                kept.set("_routing", hit.path("_routing"));
                kept.set("_source", hit.path("_source"));
                documents.put(hit.path("_id").asText(), kept);
            }
            page = post(
                    "/_search/scroll",
                    "{\"scroll\":\"1m\",\"scroll_id\":\""
                            + page.path("_scroll_id").asText() + "\"}");
        }
        return documents;
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
