package com.clearmlmigrator.cli.upgrade;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the operator asked for.
 *
 * @param source      the old data folder
 * @param target      the new data folder, absent or empty
 * @param backup      whether to copy the old folder beside it first ({@code false} with {@code -n})
 * @param fromVersion the major version the operator says wrote the folder, checked against what it says itself
 * @param toVersion   the major version to move to; the next supported one when empty
 * @param heap        each node's heap, such as {@code 1g}
 * @param workers     how many Elasticsearch workers copy at once ({@code -p})
 * @param leftBehind  indices to leave in the old folder rather than copy ({@code --leave-behind})
 */
public record UpgradeOptions(
        Path source,
        Path target,
        boolean backup,
        Optional<Integer> fromVersion,
        Optional<Integer> toVersion,
        String heap,
        int workers,
        List<String> leftBehind) {

    public UpgradeOptions {
        leftBehind = List.copyOf(leftBehind);
    }
}
