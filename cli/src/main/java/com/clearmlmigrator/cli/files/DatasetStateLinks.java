package com.clearmlmigrator.cli.files;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

import com.clearmlmigrator.relink.LinkRewriter;
import com.clearmlmigrator.relink.UrlOrigins;
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

    /** Counts the links a state file holds under the old prefix, and under the new one already. */
    Outcome count(JsonParser in) throws IOException {
        return walk(in, (start, end, rewritten) -> {});
    }

    /**
     * Writes the state file with its links rewritten and every other byte as it was: the text the SDK wrote around them
     * ({@code json.dumps} with sorted keys and an indent of 4) is copied from {@code original}, the same file read a
     * second time alongside {@code in}, so a diff against the original shows the links alone.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the file is not JSON
     */
    Outcome relink(JsonParser in, InputStream original, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long[] copied = {0};
        Outcome outcome = walk(in, (start, end, rewritten) -> {
            copy(original, out, start - copied[0], buffer);
            original.skipNBytes(end - start);
            out.write(pythonJsonString(rewritten).getBytes(StandardCharsets.US_ASCII));
            copied[0] = end;
        });
        original.transferTo(out);
        return outcome;
    }

    /** Where a link to rewrite stands in the file: its string token, quotes included, from start to end (bytes). */
    private interface ChangedLink {
        void at(long start, long end, String rewritten) throws IOException;
    }

    private Outcome walk(JsonParser in, ChangedLink changed) throws IOException {
        int moved = 0;
        int alreadyNew = 0;
        LinkCursor cursor = new LinkCursor();
        for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
            if (cursor.atLink(token, in)) {
                long start = in.currentTokenLocation().getByteOffset();
                String link = in.getText();
                Optional<String> rewritten = rewriter.rewriteUrl(link);
                if (rewritten.isPresent()) {
                    moved++;
                    changed.at(start, in.currentLocation().getByteOffset(), rewritten.get());
                } else if (back.isStillOld(link)) {
                    alreadyNew++;
                }
            }
        }
        return new Outcome(moved, alreadyNew);
    }

    private static void copy(InputStream in, OutputStream out, long bytes, byte[] buffer) throws IOException {
        for (long left = bytes; left > 0; ) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("The state file ended before its parsed end: it changed while read");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    /**
     * A JSON string as Python's {@code json.dumps} writes it by default: ASCII only, other characters as lowercase
     * {@code \\uXXXX} (the SDK reads the file in the platform's encoding).
     */
    static String pythonJsonString(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
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
