package com.clearmlmigrator.planner.lifecycle;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.planner.escopy.EsCopyPlanner;
import com.clearmlmigrator.planner.inspect.InspectPlanner;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationOrder;
import com.clearmlmigrator.planner.migration.MigrationPlan;
import com.clearmlmigrator.planner.migration.TaskPlanner;
import com.clearmlmigrator.planner.relink.RelinkPlanner;
import com.clearmlmigrator.planner.undo.UndoPlanner;

/**
 * Which planner splits which kind of migration: planning is the one step in a migration's life that differs by kind,
 * so the table of them is written here once, beside the lifecycle, and a kind without a planner fails at start.
 */
@ApplicationScoped
public class Planners {
    private final Map<MigrationKind, TaskPlanner> byKind = new EnumMap<>(MigrationKind.class);

    public Planners(InspectPlanner inspect, RelinkPlanner relink, UndoPlanner undo, EsCopyPlanner esCopy) {
        byKind.put(MigrationKind.INSPECT, inspect);
        byKind.put(MigrationKind.RELINK, relink);
        byKind.put(MigrationKind.UNDO, undo);
        byKind.put(MigrationKind.ES_COPY, esCopy);
        if (byKind.size() != MigrationKind.values().length) {
            throw new IllegalStateException("Every kind of migration needs a planner: " + byKind.keySet());
        }
    }

    /** The tasks (and, for a copy, its plan) of a migration; see {@link TaskPlanner#plan}. */
    public MigrationPlan plan(String migrationId, MigrationOrder order) {
        return byKind.get(order.kind()).plan(migrationId, order);
    }
}
