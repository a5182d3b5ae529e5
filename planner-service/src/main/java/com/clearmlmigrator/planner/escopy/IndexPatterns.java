package com.clearmlmigrator.planner.escopy;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.clearmlmigrator.planner.migration.CopyOrder;

/**
 * Which indices a copy takes: those a pattern matches and no exclusion does. An exclusion is a pattern with a leading
 * {@code -}, as Elasticsearch's own index expressions write it; exclusions alone leave those indices out of every
 * ClearML index. So everything but an index that cannot be read (a red one whose only shard is lost) is asked as
 * {@code ["-events-log-<company>"]}.
 */
public final class IndexPatterns {
    private final List<Pattern> included;
    private final List<Pattern> excluded;

    private IndexPatterns(List<Pattern> included, List<Pattern> excluded) {
        this.included = included;
        this.excluded = excluded;
    }

    public static IndexPatterns of(List<String> patterns) {
        List<Pattern> excluded = patterns.stream()
                .filter(IndexPatterns::isExclusion)
                .map(pattern -> glob(pattern.substring(1)))
                .toList();
        List<String> included =
                patterns.stream().filter(pattern -> !isExclusion(pattern)).toList();
        return new IndexPatterns(
                (included.isEmpty() ? CopyOrder.CLEARML_INDICES : included)
                        .stream().map(IndexPatterns::glob).toList(),
                excluded);
    }

    public static boolean isExclusion(String pattern) {
        return pattern.startsWith("-");
    }

    public boolean matches(String index) {
        return included.stream().anyMatch(glob -> glob.matcher(index).matches())
                && excluded.stream().noneMatch(glob -> glob.matcher(index).matches());
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(
                Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
    }
}
