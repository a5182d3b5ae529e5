package com.clearmlmigrator.contracts;

/** The kinds of worker; each consumes its own task topic as one consumer group. */
public enum WorkerKind {
    MONGO(Topics.MONGO_TASKS),
    ELASTIC(Topics.ELASTIC_TASKS);

    private final String taskTopic;

    WorkerKind(String taskTopic) {
        this.taskTopic = taskTopic;
    }

    /** The topic that carries this worker kind's tasks. */
    public String taskTopic() {
        return taskTopic;
    }
}
