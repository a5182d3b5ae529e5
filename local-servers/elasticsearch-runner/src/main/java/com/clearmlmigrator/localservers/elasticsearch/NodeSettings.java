package com.clearmlmigrator.localservers.elasticsearch;

import java.util.Map;
import java.util.TreeMap;

/** Node settings given to the process as system properties {@code es.setting.<key>=<value>}. */
final class NodeSettings {
    private static final String PREFIX = "es.setting.";

    private NodeSettings() {}

    static Map<String, String> given() {
        Map<String, String> settings = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(PREFIX))
                .forEach(name -> settings.put(name.substring(PREFIX.length()), System.getProperty(name)));
        return settings;
    }
}
