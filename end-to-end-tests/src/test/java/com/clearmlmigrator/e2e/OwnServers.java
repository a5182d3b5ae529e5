package com.clearmlmigrator.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that starts every server it uses itself and does not touch the {@link RunningSystem}: it runs beside
 * the classes {@link OnRunningSystem}, while they wait on Kafka, leases and Elasticsearch. Such classes, and those
 * {@link OnSecondSystem}, run one after another in the second lane, so the run keeps two lanes of work, one per core of
 * the 2-core machines it is made for.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ResourceLock(OwnServers.LANE)
@interface OwnServers {
    String LANE = "the second lane";
}
