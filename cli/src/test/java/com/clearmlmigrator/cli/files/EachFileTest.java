package com.clearmlmigrator.cli.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class EachFileTest {
    @Test
    void filesAreWorkedOnTogetherAndTheirResultsComeBackInTheirOrder() {
        List<String> names = List.of("d", "a", "c", "b");
        CountDownLatch allStarted = new CountDownLatch(names.size());

        List<String> results = EachFile.run(names, 16, name -> {
            allStarted.countDown();
            try {
                // Each waits until all four run: with one at a time this would wait out its time and say so.
                return allStarted.await(30, TimeUnit.SECONDS) ? name.toUpperCase() : "alone";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        });

        assertThat(results).containsExactly("D", "A", "C", "B");
    }

    @Test
    void oneAtATimeRunsOnTheCallersThread() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();

        List<Integer> lengths = EachFile.run(List.of("a", "bb", "ccc"), 1, name -> {
            threads.add(Thread.currentThread());
            return name.length();
        });

        assertThat(lengths).containsExactly(1, 2, 3);
        assertThat(threads).containsExactly(Thread.currentThread());
    }
}
