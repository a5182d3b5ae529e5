package com.clearmlmigrator.worker.elastic;

import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.worker.runtime.testing.InMemoryWorkerChannels;

/** The elastic-worker with its channels in memory. */
public class InMemoryChannels extends InMemoryWorkerChannels {
    @Override
    protected String taskTopic() {
        return Topics.ELASTIC_TASKS;
    }
}
