package com.clearmlmigrator.service.runtime;

import java.time.Duration;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The services' one way to wait out an outage of what they depend on (the Kafka broker, the migrator's MongoDB): the
 * work is tried again after a pause for as long as the outage lasts, never counted out, because it is idempotent and
 * what it holds meanwhile (a message's offset, a task's lease) is safe. A failure that is no outage goes through at
 * once. It gives up only when the service stops ({@link ServiceStoppingException}), leaving the message it works for
 * unacknowledged, so Kafka hands it out again.
 *
 * <p>Work that must end in bounded time (a task's attempts against ClearML's stores, a bulk the cluster throttles)
 * counts its attempts instead, by the workers' {@code Backoff}.
 */
public final class OutageRetry {
    private final Duration pause;
    private final StopSignal stop;

    /**
     * @param pause how long to wait between two attempts
     * @param stop  tells whether the service starts to stop during a pause
     */
    public OutageRetry(Duration pause, StopSignal stop) {
        this.pause = pause;
        this.stop = stop;
    }

    /** The pause between two attempts. */
    public Duration pause() {
        return pause;
    }

    /**
     * @param isOutage which failures are an outage worth waiting out
     * @param attempts what the caller says of its attempts
     * @return what the work gave, at the first attempt that did not fail
     * @throws ServiceStoppingException when the service stops during a pause
     */
    public <T> T untilDone(Supplier<T> work, Predicate<RuntimeException> isOutage, Attempts attempts) {
        for (int attempt = 1; ; attempt++) {
            try {
                T done = work.get();
                if (attempt > 1) {
                    attempts.through().accept(attempt);
                }
                return done;
            } catch (RuntimeException e) {
                if (!isOutage.test(e)) {
                    throw e;
                }
                attempts.failed().failed(attempt, e, pause);
                if (stop.within(pause)) {
                    throw new ServiceStoppingException(attempts.leftUndone(), e);
                }
            }
        }
    }

    /** {@link #untilDone(Supplier, Predicate, Attempts)} for work that gives nothing back. */
    public void untilDone(Runnable work, Predicate<RuntimeException> isOutage, Attempts attempts) {
        untilDone(
                () -> {
                    work.run();
                    return null;
                },
                isOutage,
                attempts);
    }

    /**
     * What a caller says of its attempts, in its own words (operators read these sentences in its log).
     *
     * @param failed     told of each attempt that met an outage, before the pause
     * @param through    told of the attempt that got through after one or more outages
     * @param leftUndone the sentence for giving up because the service stops: what stays undone, and where it waits
     */
    public record Attempts(FailedAttempt failed, IntConsumer through, String leftUndone) {
        public static Attempts of(FailedAttempt failed, String leftUndone) {
            return new Attempts(failed, attempt -> {}, leftUndone);
        }

        public Attempts whenThrough(IntConsumer through) {
            return new Attempts(failed, through, leftUndone);
        }
    }

    /** An attempt met an outage; the next follows after {@code pause}. */
    @FunctionalInterface
    public interface FailedAttempt {
        void failed(int attempt, RuntimeException outage, Duration pause);
    }

    /** Whether the service starts to stop within a wait. */
    @FunctionalInterface
    public interface StopSignal {
        /** Waits at most {@code wait}; true as soon as the service stops (or the waiting thread is interrupted). */
        boolean within(Duration wait);

        /** For code that runs outside a service (tests, tools): only an interrupt stops it. */
        static StopSignal onInterrupt() {
            return wait -> {
                try {
                    Thread.sleep(wait.toMillis());
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            };
        }
    }

    /** The service stopped before an outage ended; the work is left for Kafka to hand out again. */
    public static final class ServiceStoppingException extends IllegalStateException {
        public ServiceStoppingException(String message, Throwable outage) {
            super(message, outage);
        }
    }
}
