package com.clearmlmigrator.planner.adapter;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.CopyMark;
import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.planner.escopy.ClusterSurvey;
import com.clearmlmigrator.planner.escopy.IndexPatterns;
import com.clearmlmigrator.stores.ElasticClient;
import com.clearmlmigrator.stores.ElasticConnections;
import com.clearmlmigrator.stores.IndexBatches;
import com.fasterxml.jackson.databind.JsonNode;

/** Surveys clusters with the plain REST calls that ES 5.6 to 8 all answer. */
@ApplicationScoped
public class ElasticClusterSurvey implements ClusterSurvey {
    private static final List<String> WRITE_BLOCKS = List.of("read_only", "read_only_allow_delete");

    private final ElasticConnections connections;
    private final OpeningShards openingShards;

    public ElasticClusterSurvey(ElasticConnections connections, OpeningShards openingShards) {
        this.connections = connections;
        this.openingShards = openingShards;
    }

    @Override
    public ClusterFacts facts(ElasticEndpoint cluster) {
        ElasticClient client = connections.client(cluster);
        JsonNode root = openingShards.onceStarted(() -> client.get("/"), String.valueOf(cluster.hosts()));
        ClusterCapacity capacity = ClusterCapacity.of(client);
        String block = null;
        for (String name : WRITE_BLOCKS) {
            String key = "cluster.blocks." + name;
            if (capacity.setting(key).equals("true")) {
                block = key;
            }
        }
        ClusterCapacity.Disk disk = capacity.disk();
        ClusterFacts facts = new ClusterFacts(
                root.path("version").path("number").asText("unknown"),
                root.path("cluster_uuid").asText(null),
                block,
                disk == null ? null : disk.availableBytes(),
                disk == null ? 0 : disk.reservedBytes(),
                null);
        return facts.withShards(capacity.shards(facts.major()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public SourceIndices indices(ElasticEndpoint cluster, List<String> patterns) {
        ElasticClient client = connections.client(cluster);
        IndexPatterns selected = IndexPatterns.of(patterns);
        JsonNode rows = openingShards.catIndicesOnceOpen(
                client,
                "/_cat/indices?format=json&bytes=b&h=index,status,health,pri.store.size",
                selected::matches,
                String.valueOf(cluster.hosts()));
        Map<String, Long> sizes = new LinkedHashMap<>();
        Set<String> closed = new TreeSet<>();
        Set<String> red = new TreeSet<>();
        for (JsonNode row : rows) {
            String name = row.path("index").asText();
            if (!selected.matches(name)) {
                continue;
            }
            String unreadable = CatIndexRow.unreadable(row);
            if (CatIndexRow.CLOSED.equals(unreadable)) {
                closed.add(name);
                continue;
            }
            if (CatIndexRow.RED.equals(unreadable)) {
                // Not counted: a red index of one shard (every ClearML index) answers 503 to a count, which would fail
                // the survey before the pre-flight could name the index and say what to do.
                red.add(name);
                continue;
            }
            sizes.put(name, row.path("pri.store.size").asLong(0));
        }
        List<String> names = List.copyOf(new TreeSet<>(sizes.keySet()));
        Map<String, JsonNode> mappings = new HashMap<>();
        Map<String, JsonNode> settings = new HashMap<>();
        IndexBatches.forEach(client, names, "_mapping", (name, answer) -> mappings.put(name, answer.path("mappings")));
        IndexBatches.forEach(client, names, "_settings", (name, answer) -> settings.put(name, answer.path("settings")));
        Map<String, Long> documents = IndexBatches.documentCounts(client, names);
        List<SourceIndex> open = names.stream()
                .map(name -> new SourceIndex(
                        name,
                        documents.get(name),
                        sizes.get(name),
                        ElasticClient.JSON.convertValue(mappings.get(name), Map.class),
                        ElasticClient.JSON.convertValue(settings.get(name), Map.class)))
                .toList();
        return new SourceIndices(open, List.copyOf(closed), List.copyOf(red));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> templates(ElasticEndpoint cluster) {
        JsonNode templates = connections.client(cluster).get("/_template");
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        templates
                .fields()
                .forEachRemaining(
                        t -> result.put(t.getKey(), ElasticClient.JSON.convertValue(t.getValue(), Map.class)));
        return result;
    }

    @Override
    public ComposableTemplates composableTemplates(ElasticEndpoint cluster) {
        ElasticClient client = connections.client(cluster);
        return new ComposableTemplates(
                named(client.get("/_index_template").path("index_templates"), "index_template"),
                named(client.get("/_component_template").path("component_templates"), "component_template"));
    }

    /** {@code [{"name": n, "<field>": {...}}, ...]} as name to body. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> named(JsonNode list, String field) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        list.forEach(
                t -> result.put(t.path("name").asText(), ElasticClient.JSON.convertValue(t.path(field), Map.class)));
        return result;
    }

    @Override
    public Set<String> existing(ElasticEndpoint cluster, Collection<String> names) {
        ElasticClient client = connections.client(cluster);
        Set<String> present = new TreeSet<>();
        client.get("/_cat/indices?format=json&h=index")
                .forEach(row -> present.add(row.path("index").asText()));
        present.retainAll(names);
        return present;
    }

    @Override
    public EarlierCopies earlierCopies(ElasticEndpoint cluster, Collection<String> existing) {
        ElasticClient client = connections.client(cluster);
        Set<String> asked = new HashSet<>(existing);
        Map<String, String> unreadable = new TreeMap<>();
        for (JsonNode row : client.get("/_cat/indices?format=json&h=index,status,health")) {
            String name = row.path("index").asText();
            String why = CatIndexRow.unreadable(row);
            if (why != null && asked.contains(name)) {
                unreadable.put(name, why);
            }
        }
        asked.removeAll(unreadable.keySet());
        Set<String> unfinished = new TreeSet<>();
        Set<String> unmarked = new TreeSet<>();
        IndexBatches.forEach(client, new TreeSet<>(asked), "_mapping", (name, answer) -> {
            String state = answer.path("mappings")
                    .path("_meta")
                    .path(CopyMark.META_KEY)
                    .path(CopyMark.STATE)
                    .asText("");
            if (state.equals(CopyMark.COPYING)) {
                unfinished.add(name);
            } else if (state.isEmpty()) {
                unmarked.add(name);
            }
        });
        return new EarlierCopies(unfinished, IndexBatches.documentCounts(client, unmarked), unreadable);
    }
}
