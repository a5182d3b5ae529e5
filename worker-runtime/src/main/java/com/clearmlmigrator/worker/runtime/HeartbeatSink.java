package com.clearmlmigrator.worker.runtime;

import com.clearmlmigrator.contracts.WorkerHeartbeat;

/** Where heartbeats go. Best effort: a heartbeat that cannot be sent is dropped, never waited for. */
public interface HeartbeatSink {
    void publish(WorkerHeartbeat heartbeat);
}
