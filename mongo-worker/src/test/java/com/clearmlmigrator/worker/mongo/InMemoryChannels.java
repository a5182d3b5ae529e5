package com.clearmlmigrator.worker.mongo;

import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.worker.runtime.testing.InMemoryWorkerChannels;

/** The mongo-worker with its channels in memory. */
public class InMemoryChannels extends InMemoryWorkerChannels {
    @Override
    protected String taskTopic() {
        return Topics.MONGO_TASKS;
    }
}
