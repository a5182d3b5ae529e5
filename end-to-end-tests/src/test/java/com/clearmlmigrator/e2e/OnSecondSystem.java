package com.clearmlmigrator.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class on a second running system, in the second lane. For classes that hold the system for minutes (a copy
 * task of a minute and a half, a frozen worker, a broker away): on the shared system they kept the first lane busy long
 * after the others had ended, with the cores mostly idle. The second system starts when the first such class needs
 * it, so it costs its start-up (about a minute) once.
 * A short class may come here too when the first lane runs longer than the second (the classes' times are in the
 * failsafe report): the dashboard's and the command's came when the classes that start {@link OwnServers} got a lane
 * of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RunningSystem.class)
@ResourceLock(OnSecondSystem.LANE)
@interface OnSecondSystem {
    String LANE = "the second running system";
}
