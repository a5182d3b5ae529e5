package com.clearmlmigrator.planner.relink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.relink.LinkRewriter;

/**
 * The Elasticsearch requests equivalent to a relink, for operators who must run changes by hand (what ClearML's own
 * script printed). They are weaker than a relink migration, and {@link #caveats} says how.
 *
 * @param requests requests in the order to run them
 * @param caveats  what the requests do not do that a relink migration does
 */
public record ElasticRequestExport(List<Request> requests, List<String> caveats) {

    /** One request: method, path and JSON body. */
    public record Request(String method, String path, Map<String, Object> body) {}

    public static ElasticRequestExport of(RelinkSpec spec) {
        Map<String, Object> params = Map.of("old", spec.from(), "new", spec.to());
        List<Request> requests = new ArrayList<>();
        requests.add(updateByQuery(
                "/events-training_debug_image-*/_update_by_query?conflicts=proceed",
                Map.of("prefix", Map.of("url", spec.from())),
                "ctx._source.url = params.new + ctx._source.url.substring(params.old.length())",
                params));
        requests.add(updateByQuery(
                "/events-plot-*/_update_by_query?conflicts=proceed",
                Map.of("match_all", Map.of()),
                "if (ctx._source.plot_str != null) { ctx._source.plot_str = ctx._source.plot_str.replace(params.old,"
                        + " params.new); ctx._source.plot_len = ctx._source.plot_str.length() }"
                        + " if (ctx._source.source_urls != null) { for (int i = 0; i < ctx._source.source_urls.size();"
                        + " i++) { String u = ctx._source.source_urls.get(i); if (u.startsWith(params.old)) {"
                        + " ctx._source.source_urls.set(i, params.new + u.substring(params.old.length())) } } }",
                params));
        if (spec.include().contains("logs")) {
            requests.add(updateByQuery(
                    "/events-log-*/_update_by_query?conflicts=proceed",
                    Map.of("match_all", Map.of()),
                    "if (ctx._source.msg != null) { ctx._source.msg = ctx._source.msg.replace(params.old, params.new) }",
                    params));
        }
        List<String> caveats = new ArrayList<>(List.of(
                "Compressed plots (plot_data) cannot be rewritten by an Elasticsearch script; only a relink"
                        + " migration rewrites them.",
                "Nothing is journaled: these changes cannot be undone, and running them twice rewrites twice when"
                        + " the new prefix extends the old one.",
                "Text replacement has no boundary check when the old prefix does not end with '/'.",
                "plot_len counts UTF-16 units here; ClearML counts characters, which differs only for characters"
                        + " outside the Basic Multilingual Plane.",
                "The requests match every index of those patterns in the cluster, as ClearML's script did; extraFields"
                        + " are not included."));
        List<String> otherSpellings = LinkRewriter.of(spec.from(), spec.to()).oldPrefixes().stream()
                .skip(1)
                .toList();
        if (!otherSpellings.isEmpty()) {
            caveats.add("They match the old prefix only as given; ClearML also stores it as "
                    + String.join(" and ", otherSpellings)
                    + " (URL quoting of its path), which a relink migration rewrites too.");
        }
        return new ElasticRequestExport(requests, caveats);
    }

    private static Request updateByQuery(
            String path, Map<String, Object> query, String script, Map<String, Object> params) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("script", Map.of("lang", "painless", "source", script, "params", params));
        return new Request("POST", path, body);
    }
}
