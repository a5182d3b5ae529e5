package com.clearmlmigrator.relink;

import java.util.function.LongConsumer;

/**
 * Where a relink or undo task counts how far it has come, for the worker's heartbeat. A call may also end the task by
 * throwing, when the worker has lost the task to another one.
 */
public interface RelinkProgress {
    /** Documents read and planned. */
    void scanned(long documents);

    /** Values rewritten, as the task's report counts them. */
    void changed(long values);

    /** The store answered a read that counts nothing: a batch of the verifying read. */
    default void answered() {}

    static RelinkProgress of(LongConsumer scanned, LongConsumer changed, Runnable answered) {
        return new RelinkProgress() {
            @Override
            public void scanned(long documents) {
                scanned.accept(documents);
            }

            @Override
            public void changed(long values) {
                changed.accept(values);
            }

            @Override
            public void answered() {
                answered.run();
            }
        };
    }
}
