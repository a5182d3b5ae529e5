package com.clearmlmigrator.cli.files;

import java.util.Optional;
import java.util.function.Consumer;

import com.clearmlmigrator.relink.LinkRewriter;
import com.clearmlmigrator.relink.UrlOrigins;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The links in a ClearML dataset's state file: {@code dataset_link_entries[].link}, the URL of each file the dataset
 * names without holding it ({@code Dataset.add_external_files}, {@code LinkEntry} in the SDK's
 * {@code clearml/datasets/dataset.py}). The file is the dataset task's {@code state} artifact, kept on the file server
 * and in no database, so a relink of the stores leaves these links behind: a dataset whose bucket moved still fetches
 * its external files from the old one.
 */
final class DatasetStateLinks {
    private static final String LINK_ENTRIES = "dataset_link_entries";
    private static final String LINK = "link";

    /**
     * @param changed    links rewritten to the new prefix
     * @param alreadyNew links found already under the new prefix (a relink run before), left as they are
     */
    record Outcome(int changed, int alreadyNew) {
        static final Outcome NONE = new Outcome(0, 0);

        Outcome plus(Outcome other) {
            return new Outcome(changed + other.changed, alreadyNew + other.alreadyNew);
        }
    }

    private final LinkRewriter rewriter;
    private final LinkRewriter back;

    DatasetStateLinks(LinkRewriter rewriter) {
        this.rewriter = rewriter;
        this.back = rewriter.reversed();
    }

    /** Rewrites the state's links in place; every other field stays as the SDK wrote it. */
    Outcome relink(JsonNode state) {
        Outcome outcome = Outcome.NONE;
        for (JsonNode entry : state.path(LINK_ENTRIES)) {
            JsonNode link = entry.get(LINK);
            if (entry instanceof ObjectNode object && link != null && link.isTextual()) {
                outcome = outcome.plus(relink(object, link.asText()));
            }
        }
        return outcome;
    }

    /** The origin of every link (scheme, host and port; the bucket of {@code s3://}), as {@code inspect} counts them. */
    static void origins(JsonNode state, Consumer<String> each) {
        for (JsonNode entry : state.path(LINK_ENTRIES)) {
            JsonNode link = entry.get(LINK);
            if (link != null && link.isTextual()) {
                UrlOrigins.of(link.asText()).ifPresent(each);
            }
        }
    }

    private Outcome relink(ObjectNode entry, String link) {
        Optional<String> rewritten = rewriter.rewriteUrl(link);
        if (rewritten.isPresent()) {
            entry.put(LINK, rewritten.get());
            return new Outcome(1, 0);
        }
        return back.isStillOld(link) ? new Outcome(0, 1) : Outcome.NONE;
    }
}
