package com.clearmlmigrator.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that starts every server it uses itself and does not touch the {@link RunningSystem}: such classes run
 * one after another in a third lane, beside the classes {@link OnRunningSystem} and {@link OnSecondSystem}, while
 * those wait on Kafka, leases and Elasticsearch. Three lanes on the 2-core machines the run is made for: with two
 * (this lane shared with the second system's) a core stood idle a quarter of the time; with three the run ends
 * about a minute sooner.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ResourceLock(OwnServers.LANE)
@interface OwnServers {
    String LANE = "the own servers";
}
