package com.clearmlmigrator.contracts;

/** Every Kafka topic the system uses. Channel names equal topic names. */
public final class Topics {
    /** Planner to mongo-worker. Key: task id. Payload: {@link MigrationTask}. One consumer group, several partitions. */
    public static final String MONGO_TASKS = "migration-tasks-mongo";

    /** Planner to elastic-worker. Key: task id. Payload: {@link MigrationTask}. One consumer group, several partitions. */
    public static final String ELASTIC_TASKS = "migration-tasks-elastic";

    /** Workers to planner. Key: migration id, so one migration's results stay ordered. Payload: {@link TaskResult}. */
    public static final String TASK_RESULTS = "migration-task-results";

    /**
     * Workers to planner, every few seconds from each worker. Key: worker id. Payload: {@link WorkerHeartbeat}, with the
     * progress of every task it performs. Best effort: a slice of many thousand documents shows progress before it
     * ends, and a task whose heartbeats stop is seen to have stalled.
     */
    public static final String HEARTBEATS = "migration-worker-heartbeats";

    /**
     * The key of the planner's own probes on {@link #HEARTBEATS}: the planner publishes one every second and reads it
     * back with the workers' heartbeats, so it knows whether it hears Kafka at all before it calls a silent worker
     * stalled. Payload: the planner's id as text. Anyone else reading the topic skips records with this key.
     */
    public static final String PLANNER_PROBE_KEY = "planner-probe";

    /** Planner to anyone who watches. Key: migration id. Payload: {@link MigrationProgress}. */
    public static final String PROGRESS = "migration-progress";

    /**
     * Planner to every worker: the migrations that want no more of their tasks, cancelled or ended. Key: migration id.
     * Payload: {@link MigrationClosed}. Compacted, one partition: each worker reads it whole at start and then follows
     * it, so a task of a cancelled migration, or one delivered again after its migration ended, is not performed by
     * whichever worker takes it, started before the announcement or after.
     */
    public static final String CLOSED_MIGRATIONS = "migrations-closed";

    /** Workers to operators: tasks that could not be handled because of a bug or an unreadable payload. */
    public static final String DEAD_LETTERS = "migration-dead-letters";

    private Topics() {}
}
