package com.clearmlmigrator.cli.files;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

import com.clearmlmigrator.relink.LinkRewriter;
import com.clearmlmigrator.relink.UrlOrigins;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The links in a ClearML dataset's state file: {@code dataset_link_entries[].link}, the URL of each file the dataset
 * names without holding it ({@code Dataset.add_external_files}, {@code LinkEntry} in the SDK's
 * {@code clearml/datasets/dataset.py}). The file is the dataset task's {@code state} artifact, kept on the file server
 * and in no database, so a relink of the stores leaves these links behind: a dataset whose bucket moved still fetches
 * its external files from the old one.
 *
 * <p>The file is streamed, token by token, never held whole: a dataset of a million external images has a state file
 * of about 150 MB, whose tree took 1.2 GB of heap (measured).
 */
final class DatasetStateLinks {
    private static final String LINK_ENTRIES = "dataset_link_entries";
    private static final String LINK = "link";

    /**
     * @param changed    links rewritten to the new prefix (or, when only counted, that would be)
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

    /**
     * Copies a state file from {@code in} to {@code out} with its links rewritten; every other token as the SDK wrote
     * it (numbers to the digit). With a null {@code out} it only counts.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the file is not JSON
     */
    Outcome relink(JsonParser in, JsonGenerator out) throws IOException {
        int changed = 0;
        int alreadyNew = 0;
        LinkCursor cursor = new LinkCursor();
        for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
            String rewritten = null;
            if (cursor.atLink(token, in)) {
                String link = in.getText();
                Optional<String> moved = rewriter.rewriteUrl(link);
                if (moved.isPresent()) {
                    changed++;
                    rewritten = moved.get();
                } else if (back.isStillOld(link)) {
                    alreadyNew++;
                }
            }
            if (out != null) {
                if (rewritten != null) {
                    out.writeString(rewritten);
                } else {
                    out.copyCurrentEventExact(in);
                }
            }
        }
        return new Outcome(changed, alreadyNew);
    }

    /** The origin of every link (scheme, host and port; the bucket of {@code s3://}), as {@code inspect} counts them. */
    static void origins(JsonParser in, Consumer<String> each) throws IOException {
        LinkCursor cursor = new LinkCursor();
        for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
            if (cursor.atLink(token, in)) {
                UrlOrigins.of(in.getText()).ifPresent(each);
            }
        }
    }

    /** Where the stream is: a link is a string under field {@code link} of an entry of the root's link entries. */
    private static final class LinkCursor {
        private int depth;
        private int entriesDepth = -1;
        private boolean entriesNext;
        private boolean linkNext;

        /** Takes the stream's next token; true when it is a link's value. */
        boolean atLink(JsonToken token, JsonParser in) throws IOException {
            boolean link = linkNext && token == JsonToken.VALUE_STRING;
            linkNext = false;
            switch (token) {
                case START_ARRAY -> {
                    depth++;
                    entriesDepth = entriesNext ? depth : entriesDepth;
                    entriesNext = false;
                }
                case START_OBJECT -> {
                    depth++;
                    entriesNext = false;
                }
                case END_ARRAY, END_OBJECT -> {
                    entriesDepth = depth == entriesDepth ? -1 : entriesDepth;
                    depth--;
                }
                case FIELD_NAME -> {
                    entriesNext = depth == 1 && in.currentName().equals(LINK_ENTRIES);
                    linkNext = entriesDepth > 0
                            && depth == entriesDepth + 1
                            && in.currentName().equals(LINK);
                }
                default -> entriesNext = false;
            }
            return link;
        }
    }
}
