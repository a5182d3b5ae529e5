package com.clearmlmigrator.relink;

import java.util.Locale;
import java.util.Optional;

/**
 * Rewrites references from one form of an old URL prefix to the same form of the new one: the matching rules of
 * {@link LinkRewriter}, for one spelling of the two prefixes.
 */
final class PrefixRewrite {
    private static final String SCHEME_SEPARATOR = "://";

    private final UrlPrefix from;
    private final UrlPrefix to;
    private final String fromBase;
    private final String toBase;
    private final String fromSchemeLower;
    private final boolean newExtendsOld;

    PrefixRewrite(UrlPrefix from, UrlPrefix to) {
        this.from = from;
        this.to = to;
        this.fromBase = from.base();
        this.toBase = to.base();
        this.fromSchemeLower = fromBase.substring(0, fromBase.indexOf(SCHEME_SEPARATOR) + SCHEME_SEPARATOR.length())
                .toLowerCase(Locale.ROOT);
        this.newExtendsOld =
                toBase.length() > fromBase.length() && matchesAt(toBase, 0) && isUrlBoundary(toBase, fromBase.length());
    }

    /**
     * A stored URL rewritten, or empty when the value does not start with the old prefix (or already starts with the new
     * prefix that extends it).
     */
    Optional<String> rewriteUrl(String value) {
        if (value == null
                || !matchesAt(value, 0)
                || !isUrlBoundary(value, fromBase.length())
                || isNewPrefixAt(value, 0)) {
            return Optional.empty();
        }
        return Optional.of(toBase + value.substring(fromBase.length()));
    }

    /** The new prefix in this spelling, without its trailing slash: what an occurrence is replaced with. */
    String newBase() {
        return toBase;
    }

    /** Where a reference under the new prefix starts, when that prefix extends the old one; never otherwise. */
    private boolean isNewPrefixAt(String text, int at) {
        return newExtendsOld
                && startsAt(text, at, toBase, to.originLength())
                && isTextBoundary(text, at + toBase.length());
    }

    /** The old prefix in this spelling, without its trailing slash. */
    String oldBase() {
        return fromBase;
    }

    /**
     * Where the old scheme next starts, without regard to case. Every match holds the scheme's {@code ://} at the same
     * offset, and no other character equals {@code :} or {@code /} without regard to case, so only the places of the
     * rare {@code ://}, found by the JDK's vectorized {@code indexOf}, are compared. Comparing at every position was
     * the largest part of a worker's time on large plots (profiled), and after a first-letter filter still a tenth.
     */
    int nextCandidate(String text, int fromIndex) {
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

    /** Whether a delimited occurrence of the old prefix, not already the new one, starts at {@code at}. */
    boolean isOldOccurrence(String text, int at) {
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
