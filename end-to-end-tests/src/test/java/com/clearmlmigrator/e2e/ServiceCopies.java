package com.clearmlmigrator.e2e;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The HTTP ports of the worker copies tests started on one system, by module: the stack's own copy may be killed. */
final class ServiceCopies {
    private final Map<String, List<Integer>> ports = new ConcurrentHashMap<>();

    void add(String module, int port) {
        ports.computeIfAbsent(module, m -> new CopyOnWriteArrayList<>()).add(port);
    }

    List<Integer> of(String module) {
        return ports.getOrDefault(module, List.of());
    }
}
