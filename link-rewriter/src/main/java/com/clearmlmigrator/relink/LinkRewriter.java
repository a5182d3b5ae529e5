package com.clearmlmigrator.relink;

import java.util.Locale;
import java.util.Optional;

/**
 * Rewrites references from one URL prefix to another.
 *
 * <p>A reference matches when it starts with the old prefix and the match ends at a boundary, so {@code http://h:8081}
 * never matches {@code http://h:80810/...} and {@code s3://bucket} never matches {@code s3://bucket-2/...}. Scheme and
 * host compare without case; the path compares exactly. A whole value equal to the old prefix without its trailing slash
 * becomes the new prefix without its trailing slash. Inside free text every delimited occurrence is replaced.
 *
 * <p>When the new prefix extends the old one ({@code s3://bucket} to {@code s3://bucket/clearml}), a reference already
 * under the new prefix counts as relinked and is left alone: an operator who runs the same relink again (unsure whether
 * the first one ran) must not get {@code s3://bucket/clearml/clearml/...}. Within one migration the journal already
 * keeps a replayed task from rewriting twice; this keeps a second migration from doing so.
 */
public final class LinkRewriter {
    private static final String SCHEME_SEPARATOR = "://";

    private final UrlPrefix from;
    private final UrlPrefix to;
    private final String fromBase;
    private final String toBase;
    private final String fromSchemeLower;
    private final boolean newExtendsOld;

    public LinkRewriter(UrlPrefix from, UrlPrefix to) {
        if (from.endsWithSlash() != to.endsWithSlash()) {
            throw new IllegalArgumentException("Fields 'from' and 'to' must both end with / or neither, as ClearML"
                    + " documents: for example http://files.old.lan:8081/ and https://files.example.com/.");
        }
        if (from.base().equalsIgnoreCase(to.base()) && from.base().equals(to.base())) {
            throw new IllegalArgumentException("Fields 'from' and 'to' are the same URL; there is nothing to relink.");
        }
        this.from = from;
        this.to = to;
        this.fromBase = from.base();
        this.toBase = to.base();
        this.fromSchemeLower = fromBase.substring(0, fromBase.indexOf(SCHEME_SEPARATOR) + SCHEME_SEPARATOR.length())
                .toLowerCase(Locale.ROOT);
        this.newExtendsOld =
                toBase.length() > fromBase.length() && matchesAt(toBase, 0) && isUrlBoundary(toBase, fromBase.length());
    }

    public static LinkRewriter of(String from, String to) {
        return new LinkRewriter(UrlPrefix.parse("from", from), UrlPrefix.parse("to", to));
    }

    /**
     * A stored URL rewritten, or empty when the value does not start with the old prefix (or already starts with the new
     * prefix that extends it).
     */
    public Optional<String> rewriteUrl(String value) {
        if (value == null
                || !matchesAt(value, 0)
                || !isUrlBoundary(value, fromBase.length())
                || isNewPrefixAt(value, 0)) {
            return Optional.empty();
        }
        return Optional.of(toBase + value.substring(fromBase.length()));
    }

    /** Free text with every delimited occurrence of the old prefix replaced; the same instance when none matched. */
    public String rewriteText(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int at = nextCandidate(text, 0); at >= 0; at = nextCandidate(text, at + 1)) {
            if (isOldOccurrence(text, at)) {
                out = out == null ? new StringBuilder(text.length() + 64) : out;
                out.append(text, copied, at).append(toBase);
                copied = at + fromBase.length();
                at = copied - 1;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * How many delimited occurrences of the old prefix a text holds that are not already the new prefix: what
     * verification counts as remaining, and what {@link #rewriteText} replaces.
     */
    public int countOccurrences(String text) {
        int count = 0;
        if (text == null) {
            return 0;
        }
        for (int at = nextCandidate(text, 0); at >= 0; at = nextCandidate(text, at + 1)) {
            if (isOldOccurrence(text, at)) {
                count++;
                at += fromBase.length() - 1;
            }
        }
        return count;
    }

    /** True when a stored URL still references the old prefix (and not the new one that extends it). */
    public boolean isStillOld(String value) {
        return rewriteUrl(value).isPresent();
    }

    /** Where a reference under the new prefix starts, when that prefix extends the old one; never otherwise. */
    private boolean isNewPrefixAt(String text, int at) {
        return newExtendsOld
                && startsAt(text, at, toBase, to.originLength())
                && isTextBoundary(text, at + toBase.length());
    }

    public UrlPrefix from() {
        return from;
    }

    /**
     * Where the old scheme next starts, without regard to case. Every match holds the scheme's {@code ://} at the same
     * offset, and no other character equals {@code :} or {@code /} without regard to case, so only the places of the
     * rare {@code ://}, found by the JDK's vectorized {@code indexOf}, are compared. Comparing at every position was
     * the largest part of a worker's time on large plots (profiled), and after a first-letter filter still a tenth.
     */
    private int nextCandidate(String text, int fromIndex) {
        int separator = fromSchemeLower.length() - SCHEME_SEPARATOR.length();
        int last = text.length() - fromBase.length();
        for (int at = text.indexOf(SCHEME_SEPARATOR, fromIndex + separator);
                at >= 0 && at - separator <= last;
                at = text.indexOf(SCHEME_SEPARATOR, at + 1)) {
            if (text.regionMatches(true, at - separator, fromSchemeLower, 0, separator)) {
                return at - separator;
            }
        }
        return -1;
    }

    private boolean isOldOccurrence(String text, int at) {
        boolean startsClean = at == 0 || !isSchemeCharacter(text.charAt(at - 1));
        return startsClean
                && matchesAt(text, at)
                && isTextBoundary(text, at + fromBase.length())
                && !isNewPrefixAt(text, at);
    }

    private boolean matchesAt(String text, int at) {
        return startsAt(text, at, fromBase, from.originLength());
    }

    /** Scheme and host compare without case, the path exactly. */
    private static boolean startsAt(String text, int at, String base, int originLength) {
        int origin = Math.min(originLength, base.length());
        return text.regionMatches(true, at, base, 0, origin)
                && text.regionMatches(false, at + origin, base, origin, base.length() - origin);
    }

    /** In a stored URL the old prefix must be followed by a path, query, fragment or nothing. */
    private static boolean isUrlBoundary(String value, int at) {
        return at == value.length() || "/?#".indexOf(value.charAt(at)) >= 0;
    }

    /** In text, anything that cannot continue a host, port or path segment ends the reference. */
    private static boolean isTextBoundary(String text, int at) {
        if (at == text.length()) {
            return true;
        }
        char next = text.charAt(at);
        return !(Character.isLetterOrDigit(next) || "-._~%:@".indexOf(next) >= 0);
    }

    private static boolean isSchemeCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.';
    }
}
