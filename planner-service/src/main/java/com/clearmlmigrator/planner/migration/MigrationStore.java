package com.clearmlmigrator.planner.migration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskResult;

/**
 * The planner's own record of migrations and their tasks, which survives a planner restart. Holds no credential.
 */
public interface MigrationStore {
    /** Saves a new migration or replaces the stored one with the same id. */
    void save(Migration migration);

    /**
     * Replaces the stored migration only while its status is still {@code expected}, in one conditional write: a
     * change that raced this one (a cancel while planning) is not overwritten.
     *
     * @return false when the stored status was another by then, and nothing was written
     */
    boolean saveIf(MigrationStatus expected, Migration changed);

    Optional<Migration> find(String id);

    /** Migrations still PLANNING, RUNNING or PAUSED. */
    List<Migration> active();

    /**
     * Cancelled migrations with tasks sent to the workers and not answered yet: parts under way that may still write.
     */
    List<Migration> finishing();

    /**
     * Cancelled migrations that still hold tasks never sent and never answered: a planner that stopped between
     * recording a cancel and skipping those tasks left them pending.
     */
    List<Migration> cancelledWithUnsentTasks();

    /** The most recent migrations first. */
    List<Migration> recent(int limit);

    /** The undos started for the relink {@code relinkId}, whatever became of them. */
    List<Migration> undosOf(String relinkId);

    /** How many migrations there are in each status; a status none is in is left out. */
    Map<MigrationStatus, Long> countByStatus();

    /** Records planned tasks as pending; recording the same task ids again changes nothing. */
    void addTasks(String migrationId, List<TaskState> tasks);

    /**
     * Records a task's result if the task has none yet. A retried task that fails or stops answers with the furthest of
     * its report and the one its retry set aside ({@link com.clearmlmigrator.contracts.TaskReport#furthest}): what its
     * earlier handling changed stays counted when the retry was refused before it read as far.
     *
     * @return true if this was the task's first result; false for a duplicate or an unknown task
     */
    boolean recordResult(TaskResult result);

    /**
     * Clears the results of these tasks and marks them not dispatched, so a retry sends them again; each result's report
     * is set aside for {@link #recordResult}.
     */
    void resetResults(List<TaskId> taskIds);

    /** Records that these tasks were handed to the workers. */
    void markDispatched(List<TaskId> taskIds);

    /** How many tasks of a migration wait, without a result, to be dispatched. */
    long undispatched(String migrationId);

    /** Every task of a migration in plan order. */
    List<TaskState> tasks(String migrationId);

    /** Every task of a migration in plan order, without definitions: ids, types, targets, results. */
    List<TaskState> taskStates(String migrationId);

    /** The definitions of these tasks, in plan order. */
    List<MigrationTask> definitions(List<TaskId> taskIds);

    /** Counts derived from the stored tasks. */
    TaskCounts counts(String migrationId);
}
