package com.clearmlmigrator.planner.escopy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.clearmlmigrator.planner.catalog.IndexNames;
import com.clearmlmigrator.planner.escopy.ClusterSurvey.EarlierCopies;
import com.clearmlmigrator.planner.escopy.ClusterSurvey.SourceIndex;

/**
 * What {@code "ifTargetExists": "skip"} does with the indices the target has already. It leaves alone all but those a
 * copy created and never verified, which a cancel, a failure or a crash left part-copied; those are copied again,
 * replacing them. An index of unknown copy state with fewer documents than its source is a problem: kept, it would
 * stay short; replaced, it could lose what the ClearML server wrote into it since. So is one that cannot be read
 * (closed, red): nobody can tell.
 */
public final class SkipOnTarget {
    private SkipOnTarget() {}

    /**
     * The existing indices a skip leaves alone; the problems that keep it from deciding are added to {@code problems}.
     *
     * @param found   the source indices to copy
     * @param earlier what earlier copies left on the target, for {@code existing}
     */
    public static Set<String> kept(
            Set<String> existing, List<SourceIndex> found, EarlierCopies earlier, List<String> problems) {
        Map<String, Long> sourceCounts =
                found.stream().collect(Collectors.toMap(SourceIndex::name, SourceIndex::documents));
        problems.addAll(shortOnTargetProblems(sourceCounts, earlier.unmarkedCounts()));
        problems.addAll(unreadableOnTargetProblems(earlier.unreadable()));
        Set<String> whole = new HashSet<>(existing);
        whole.removeAll(earlier.unfinished());
        return whole;
    }

    /**
     * Target indices that a {@code skip} would keep although their copy state is unknown and they hold fewer documents
     * than the source: left short by a copy made by other means (ClearML's upgrade script went on past an index it
     * failed to copy), or emptied in part by the ClearML server since. Only the operator can tell which.
     *
     * @param sourceCounts   documents of each source index
     * @param unmarkedCounts documents of each target index of unknown copy state
     */
    public static List<String> shortOnTargetProblems(Map<String, Long> sourceCounts, Map<String, Long> unmarkedCounts) {
        List<String> shortOnes = new ArrayList<>();
        new TreeMap<>(unmarkedCounts).forEach((name, onTarget) -> {
            Long onSource = sourceCounts.get(name);
            if (onSource != null && onTarget < onSource) {
                shortOnes.add(name + " (" + count(onTarget) + " of " + count(onSource) + ")");
            }
        });
        if (shortOnes.isEmpty()) {
            return List.of();
        }
        return List.of("The target has " + IndexNames.counted(shortOnes.size(), "existing")
                + " with fewer documents than the source that no copy of the migrator verified ("
                + IndexNames.listed(shortOnes)
                + "), so \"skip\" would keep " + (shortOnes.size() == 1 ? "it as it is" : "them as they are")
                + ". Made by other means, an index may be short (ClearML's"
                + " upgrade script goes on past an index it fails to copy): copy them again with \"ifTargetExists\" set"
                + " to \"overwrite\" and 'indices' naming them. If the ClearML server deleted those documents on the new"
                + " cluster since, leave them out with a leading - in 'indices'.");
    }

    /**
     * Target indices a {@code skip} cannot tell whole or not, because they cannot be read.
     *
     * @param unreadable each index with why: {@code closed}, or {@code red}
     */
    public static List<String> unreadableOnTargetProblems(Map<String, String> unreadable) {
        if (unreadable.isEmpty()) {
            return List.of();
        }
        List<String> named = new TreeMap<>(unreadable)
                .entrySet().stream()
                        .map(e -> e.getKey() + " (" + e.getValue() + ")")
                        .toList();
        return List.of("The target has " + IndexNames.counted(named.size(), "existing")
                + " that cannot be read (" + IndexNames.listed(named) + "), so \"skip\" cannot tell whether "
                + (named.size() == 1 ? "it is" : "they are")
                + " whole. Open a closed one (POST /<index>/_open) or bring back a red one's primary shard, then"
                + " copy again; or set \"ifTargetExists\" to \"overwrite\" for them, or leave them out with a leading"
                + " - in 'indices'.");
    }

    private static String count(long documents) {
        return String.format(Locale.ROOT, "%,d", documents);
    }
}
