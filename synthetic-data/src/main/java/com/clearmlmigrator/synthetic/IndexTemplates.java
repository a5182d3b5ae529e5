package com.clearmlmigrator.synthetic;

import static com.clearmlmigrator.synthetic.MongoDataset.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legacy index templates a ClearML server of each era installs, so seeded indices get the mappings real servers
 * have: ES 5.6 with {@code _default_} types and required routing, ES 7 typeless with keyword metric and variant.
 */
public final class IndexTemplates {
    private IndexTemplates() {}

    /** Template name to body, in the order to install them. */
    public static Map<String, Map<String, Object>> forEra(ElasticEra era) {
        Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
        templates.put(
                "events",
                template(era, "events-*", 0, era == ElasticEra.ES5 ? "_default_" : null, eventFields(era), true));
        templates.put(
                "events_log",
                template(
                        era,
                        "events-log-*",
                        1,
                        typeName(era, "_default_"),
                        map("msg", map("type", "text", "index", false), "level", keyword()),
                        false));
        templates.put(
                "events_plot", template(era, "events-plot-*", 1, typeName(era, "_default_"), plotFields(era), false));
        templates.put(
                "events_training_debug_image",
                template(
                        era,
                        "events-training_debug_image-*",
                        1,
                        typeName(era, "_default_"),
                        map("key", keyword(), "url", keyword()),
                        false));
        templates.put(
                "worker_stats",
                template(
                        era,
                        "worker_stats_*",
                        0,
                        typeName(era, "stat"),
                        map(
                                "timestamp",
                                map("type", "date"),
                                "worker",
                                keyword(),
                                "task",
                                keyword(),
                                "category",
                                keyword(),
                                "metric",
                                keyword(),
                                "variant",
                                keyword(),
                                "value",
                                map("type", "float")),
                        false));
        templates.put(
                "queue_metrics",
                template(
                        era,
                        "queue_metrics_*",
                        0,
                        typeName(era, "metrics"),
                        map(
                                "timestamp",
                                map("type", "date"),
                                "queue",
                                keyword(),
                                "average_waiting_time",
                                map("type", "float"),
                                "queue_length",
                                map("type", "long")),
                        false));
        return templates;
    }

    /**
     * What a ClearML server from 1.17 puts on ES 8 instead of legacy templates (its {@code index_templates} folder):
     * the common event fields in the component template {@code events_common}, and composable index templates built of
     * it, the specific event types at a higher priority than the catch-all {@code events-*}. Documents keep the ES 7
     * era's shape.
     */
    public static Composable composableForEs8() {
        ElasticEra era = ElasticEra.ES7;
        Map<String, Map<String, Object>> components = new LinkedHashMap<>();
        components.put(
                "events_common",
                map("template", map("settings", singleShard(), "mappings", map("properties", eventFields(era)))));
        Map<String, Map<String, Object>> indexTemplates = new LinkedHashMap<>();
        indexTemplates.put("events", composable("events-*", 100, map()));
        indexTemplates.put(
                "events_log",
                composable("events-log-*", 500, map("msg", map("type", "text", "index", false), "level", keyword())));
        indexTemplates.put("events_plot", composable("events-plot-*", 500, plotFields(era)));
        indexTemplates.put(
                "events_training_debug_image",
                composable("events-training_debug_image-*", 500, map("key", keyword(), "url", keyword())));
        forEra(era).forEach((name, legacy) -> {
            if (!name.startsWith("events")) {
                indexTemplates.put(
                        name,
                        map(
                                "index_patterns",
                                legacy.get("index_patterns"),
                                "priority",
                                500,
                                "template",
                                map("settings", singleShard(), "mappings", legacy.get("mappings"))));
            }
        });
        return new Composable(components, indexTemplates);
    }

    /**
     * @param components     component template name to body, to put first
     * @param indexTemplates composable index template name to body
     */
    public record Composable(
            Map<String, Map<String, Object>> components, Map<String, Map<String, Object>> indexTemplates) {}

    private static Map<String, Object> composable(String pattern, int priority, Map<String, Object> fields) {
        Map<String, Object> body = map("index_patterns", List.of(pattern), "priority", priority);
        body.put("composed_of", List.of("events_common"));
        if (!fields.isEmpty()) {
            body.put("template", map("mappings", map("properties", fields)));
        }
        return body;
    }

    private static Map<String, Object> singleShard() {
        return map("number_of_shards", 1, "number_of_replicas", 0);
    }

    private static Map<String, Object> eventFields(ElasticEra era) {
        Map<String, Object> fields = map(
                "@timestamp",
                map("type", "date"),
                "task",
                keyword(),
                "type",
                keyword(),
                "worker",
                keyword(),
                "timestamp",
                map("type", "date"),
                "iter",
                map("type", "long"),
                "metric",
                keyword(),
                "variant",
                keyword(),
                "value",
                map("type", "float"));
        if (era == ElasticEra.ES7) {
            fields.put("company_id", keyword());
            fields.put("model_event", map("type", "boolean"));
        }
        return fields;
    }

    private static Map<String, Object> plotFields(ElasticEra era) {
        Map<String, Object> fields = map("plot_str", map("type", "text", "index", false));
        if (era == ElasticEra.ES7) {
            fields.put("plot_data", map("type", "binary"));
        }
        return fields;
    }

    private static Map<String, Object> template(
            ElasticEra era, String pattern, int order, String type, Map<String, Object> fields, boolean routed) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (era == ElasticEra.ES5) {
            body.put("template", pattern);
        } else {
            body.put("index_patterns", List.of(pattern));
        }
        body.put("order", order);
        if (order == 0) {
            body.put("settings", era == ElasticEra.ES5 ? map("number_of_shards", 1) : singleShard());
        }
        Map<String, Object> mapping = map("properties", fields);
        if (era == ElasticEra.ES5 && routed) {
            mapping.put("_routing", map("required", true));
        }
        body.put("mappings", type == null ? mapping : map(type, mapping));
        return body;
    }

    private static String typeName(ElasticEra era, String es5Type) {
        return era == ElasticEra.ES5 ? es5Type : null;
    }

    private static Map<String, Object> keyword() {
        return map("type", "keyword");
    }
}
