package com.clearmlmigrator.relink;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The spellings ClearML stores one URL in. Its SDK keeps the path of an artifact or model URI as built (a project
 * folder {@code my project} keeps its space) but quotes the path of every debug-image URL again ({@code quote_url}:
 * Python's {@code urllib.parse.quote}, so {@code my%20project}); an output destination holds what its user typed. A
 * prefix whose path has a character that quoting changes is therefore stored in two spellings, and a relink must find
 * both.
 */
final class UrlSpellings {
    private static final String UNQUOTED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/";
    // Characters that java.net.URI refuses in a path but a stored URL may hold as they are.
    private static final String URI_REFUSES = " \"<>\\^`{|}[]";
    private static final String HEX = "0123456789ABCDEF";

    private UrlSpellings() {}

    /** The path after {@code originLength} quoted as Python's {@code quote(path)} does (UTF-8, {@code /} kept). */
    static String quoted(String url, int originLength) {
        StringBuilder out = new StringBuilder(url.length() + 16).append(url, 0, originLength);
        for (byte b : url.substring(originLength).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && UNQUOTED.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                percentEncoded(out, c);
            }
        }
        return out.toString();
    }

    /**
     * The path after {@code originLength} with its {@code %XX} escapes decoded; empty when it has none, when one is not
     * a valid escape, when the bytes are not UTF-8, or when decoding would make a path separator, query, fragment or
     * percent sign appear (then the escape is part of a name, not a spelling).
     */
    static Optional<String> unquoted(String url, int originLength) {
        String path = url.substring(originLength);
        if (path.indexOf('%') < 0) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= path.length()) {
                return Optional.empty();
            }
            int high = Character.digit(path.charAt(i + 1), 16);
            int low = Character.digit(path.charAt(i + 2), 16);
            int value = (high << 4) | low;
            if (high < 0 || low < 0 || "/?#%".indexOf(value) >= 0) {
                return Optional.empty();
            }
            bytes.write(value);
            i += 2;
        }
        try {
            String decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
            return Optional.of(url.substring(0, originLength) + decoded);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static void percentEncoded(StringBuilder out, int c) {
        out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
    }

    /**
     * The URL with the characters {@link java.net.URI} refuses in a path percent-encoded after its scheme and
     * authority, so that a prefix such as {@code file:///mnt/my data/} can be checked as a URL.
     */
    static String checkable(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int path = url.indexOf('/', scheme + 3);
        if (path < 0) {
            return url;
        }
        StringBuilder out = new StringBuilder(url.length() + 16).append(url, 0, path);
        for (int i = path; i < url.length(); i++) {
            char c = url.charAt(i);
            if (URI_REFUSES.indexOf(c) >= 0) {
                percentEncoded(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
