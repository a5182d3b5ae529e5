package com.clearmlmigrator.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.clearmlmigrator.synthetic.Plots;

/**
 * The test's own statement of what a relink must produce on the synthetic data, written without the production
 * rewriter: plain string replacement on exactly the fields ClearML keeps references in, of every occurrence of the old
 * prefix that is not already the new one (which extends it: what an earlier relink wrote stays as it is). The data's
 * decoys ({@code :80810}, {@code :8080}, script text, log messages, another bucket) never contain the old prefix with
 * its trailing slash in those fields, so plain replacement is the specified result.
 */
final class ExpectedRelink {
    static final String OLD = "http://files.old.lan:8081/";
    /** Extends the old prefix: a relink leaves what is already under it alone. */
    static final String NEW = "http://files.old.lan:8081/moved/";

    /** The members of a relink request from {@link #OLD} to {@link #NEW}, to complete with connections and options. */
    /** The old prefix where it does not already begin the new one. */
    private static final Pattern OLD_NOT_NEW =
            Pattern.compile(Pattern.quote(OLD) + "(?!" + Pattern.quote(NEW.substring(OLD.length())) + ")");

    static final String RELINK = "\"kind\":\"relink\",\"from\":\"" + OLD + "\",\"to\":\"" + NEW + "\"";

    private ExpectedRelink() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> mongo(String collection, Map<String, Object> before) {
        Map<String, Object> doc = deepCopy(before);
        switch (collection) {
            case "task", "task__trash" -> {
                Map<String, Object> execution = (Map<String, Object>) doc.get("execution");
                Object artifacts = execution.get("artifacts");
                List<Object> each =
                        artifacts instanceof Map<?, ?> m ? new ArrayList<>(m.values()) : (List<Object>) artifacts;
                each.forEach(a -> url((Map<String, Object>) a, "uri"));
                Map<String, Object> output = (Map<String, Object>) doc.get("output");
                if ((OLD.substring(0, OLD.length() - 1)).equals(output.get("destination"))) {
                    output.put("destination", NEW.substring(0, NEW.length() - 1));
                }
                text(doc, "report");
                if (doc.get("report_assets") instanceof List<?> assets) {
                    doc.put(
                            "report_assets",
                            assets.stream().map(a -> replaceStart((String) a)).toList());
                }
            }
            case "model" -> url(doc, "uri");
            case "project" -> {
                url(doc, "default_output_destination");
                text(doc, "description");
            }
            case "url_to_delete" -> url(doc, "url");
            default -> {}
        }
        return doc;
    }

    static Map<String, Object> elastic(String index, Map<String, Object> before) {
        Map<String, Object> doc = deepCopy(before);
        if (index.startsWith("events-training_debug_image-")) {
            url(doc, "url");
        } else if (index.startsWith("events-plot-")) {
            text(doc, "plot_str");
            if (doc.get("plot_data") instanceof String data) {
                // Compared after decompression: compressors may differ byte for byte.
                doc.put("plot_data", relinkedText(inflate(data)));
            }
            if (doc.get("source_urls") instanceof List<?> urls) {
                doc.put(
                        "source_urls",
                        urls.stream().map(u -> replaceStart((String) u)).toList());
            }
            if (doc.containsKey("plot_len")) {
                String plot = doc.get("plot_str") instanceof String s ? s : (String) doc.get("plot_data");
                doc.put("plot_len", plot.codePointCount(0, plot.length()));
            }
        }
        return doc;
    }

    /** An actual document with its plot_data opened, to compare with {@link #elastic}. */
    static Map<String, Object> opened(Map<String, Object> actual) {
        Map<String, Object> doc = deepCopy(actual);
        if (doc.get("plot_data") instanceof String data) {
            doc.put("plot_data", inflate(data));
        }
        return doc;
    }

    static String inflate(String base64) {
        return Plots.decompress(base64);
    }

    private static void url(Map<String, Object> doc, String field) {
        if (doc.get(field) instanceof String value) {
            doc.put(field, replaceStart(value));
        }
    }

    private static void text(Map<String, Object> doc, String field) {
        if (doc.get(field) instanceof String value) {
            doc.put(field, relinkedText(value));
        }
    }

    private static String replaceStart(String value) {
        return value.startsWith(OLD) && !value.startsWith(NEW) ? NEW + value.substring(OLD.length()) : value;
    }

    /** Free text with every occurrence of the old prefix that is not already the new one replaced. */
    static String relinkedText(String text) {
        return OLD_NOT_NEW.matcher(text).replaceAll(Matcher.quoteReplacement(NEW));
    }

    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
