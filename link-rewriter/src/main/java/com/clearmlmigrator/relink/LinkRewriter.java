package com.clearmlmigrator.relink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Rewrites references from one URL prefix to another.
 *
 * <p>A reference matches when it starts with the old prefix and the match ends at a boundary, so {@code http://h:8081}
 * never matches {@code http://h:80810/...} and {@code s3://bucket} never matches {@code s3://bucket-2/...}. Scheme and
 * host compare without case; the path compares exactly. A whole value equal to the old prefix without its trailing slash
 * becomes the new prefix without its trailing slash. Inside free text every delimited occurrence is replaced.
 *
 * <p>A path that URL quoting changes ({@code file:///mnt/my data}, {@code http://files:8081/my%20project}) is matched in
 * each spelling ClearML stores it in ({@link UrlSpellings}): as given, quoted, and with its escapes decoded, each
 * replaced by the new prefix spelled the same way.
 *
 * <p>When the new prefix extends the old one ({@code s3://bucket} to {@code s3://bucket/clearml}), a reference already
 * under the new prefix counts as relinked and is left alone: an operator who runs the same relink again (unsure whether
 * the first one ran) must not get {@code s3://bucket/clearml/clearml/...}. Within one migration the journal already
 * keeps a replayed task from rewriting twice; this keeps a second migration from doing so.
 */
public final class LinkRewriter {
    private final UrlPrefix from;
    private final UrlPrefix to;
    private final List<PrefixRewrite> spellings;
    private final PrefixRewrite shortest;

    public LinkRewriter(UrlPrefix from, UrlPrefix to) {
        if (from.endsWithSlash() != to.endsWithSlash()) {
            throw new IllegalArgumentException("Fields 'from' and 'to' must both end with / or neither, as ClearML"
                    + " documents: for example http://files.old.lan:8081/ and https://files.example.com/.");
        }
        if (from.base().equals(to.base())) {
            throw new IllegalArgumentException("Fields 'from' and 'to' are the same URL; there is nothing to relink.");
        }
        this.from = from;
        this.to = to;
        this.spellings = spellings(from, to);
        this.shortest = spellings.stream()
                .min(Comparator.comparingInt(s -> s.oldBase().length()))
                .orElseThrow();
    }

    public static LinkRewriter of(String from, String to) {
        return new LinkRewriter(UrlPrefix.parse("from", from), UrlPrefix.parse("to", to));
    }

    /**
     * The rewrite from the new prefix back to the old one: what it would rewrite, and counts as occurrences, is what
     * already references the new prefix (and not the old one that extends it).
     */
    public LinkRewriter reversed() {
        return new LinkRewriter(to, from);
    }

    /**
     * A stored URL rewritten, or empty when the value does not start with the old prefix (or already starts with the new
     * prefix that extends it).
     */
    public Optional<String> rewriteUrl(String value) {
        for (PrefixRewrite spelling : spellings) {
            Optional<String> rewritten = spelling.rewriteUrl(value);
            if (rewritten.isPresent()) {
                return rewritten;
            }
        }
        return Optional.empty();
    }

    /** Free text with every delimited occurrence of the old prefix replaced; the same instance when none matched. */
    public String rewriteText(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int at = shortest.nextCandidate(text, 0); at >= 0; at = shortest.nextCandidate(text, at + 1)) {
            PrefixRewrite found = occurrenceAt(text, at);
            if (found != null) {
                out = out == null ? new StringBuilder(text.length() + 64) : out;
                out.append(text, copied, at).append(found.newBase());
                copied = at + found.oldBase().length();
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
        for (int at = shortest.nextCandidate(text, 0); at >= 0; at = shortest.nextCandidate(text, at + 1)) {
            PrefixRewrite found = occurrenceAt(text, at);
            if (found != null) {
                count++;
                at += found.oldBase().length() - 1;
            }
        }
        return count;
    }

    /** True when a stored URL still references the old prefix (and not the new one that extends it). */
    public boolean isStillOld(String value) {
        return rewriteUrl(value).isPresent();
    }

    /** The old prefix in every spelling it is matched in, without its trailing slash; the given one first. */
    public List<String> oldPrefixes() {
        return spellings.stream().map(PrefixRewrite::oldBase).toList();
    }

    private PrefixRewrite occurrenceAt(String text, int at) {
        for (PrefixRewrite spelling : spellings) {
            if (spelling.isOldOccurrence(text, at)) {
                return spelling;
            }
        }
        return null;
    }

    /**
     * The two prefixes as given, then quoted, then with their escapes decoded; a spelling of the old prefix met before,
     * or one that would replace a prefix with itself, is left out.
     */
    private static List<PrefixRewrite> spellings(UrlPrefix from, UrlPrefix to) {
        List<UnaryOperator<UrlPrefix>> forms = List.of(
                prefix -> prefix,
                prefix -> respelled(prefix, UrlSpellings.quoted(prefix.text(), prefix.originLength())),
                prefix -> UrlSpellings.unquoted(prefix.text(), prefix.originLength())
                        .map(text -> respelled(prefix, text))
                        .orElse(prefix));
        List<PrefixRewrite> result = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (UnaryOperator<UrlPrefix> form : forms) {
            UrlPrefix oldSpelling = form.apply(from);
            UrlPrefix newSpelling = form.apply(to);
            if (!seen.contains(oldSpelling.base()) && !oldSpelling.base().equals(newSpelling.base())) {
                seen.add(oldSpelling.base());
                result.add(new PrefixRewrite(oldSpelling, newSpelling));
            }
        }
        return List.copyOf(result);
    }

    private static UrlPrefix respelled(UrlPrefix prefix, String text) {
        return new UrlPrefix(text, prefix.originLength());
    }
}
