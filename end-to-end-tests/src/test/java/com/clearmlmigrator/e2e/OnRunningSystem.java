package com.clearmlmigrator.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class on the one {@link RunningSystem} the run shares. Such classes run one after another: their migrations
 * would hold each other's stores, and the fault tests restart its broker and kill its services. Classes that start
 * servers of their own ({@link OwnServers}) run beside them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RunningSystem.class)
@ResourceLock(OnRunningSystem.LANE)
@interface OnRunningSystem {
    String LANE = "the running system";
}
