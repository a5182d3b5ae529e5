package com.clearmlmigrator.cli.command;

/** Addresses as operators type them, ClearML's way included, made into what the planner takes. */
final class Addresses {
    private Addresses() {}

    /**
     * ClearML's scripts take {@code host:port} where a URL is meant ({@code --elastic-host elasticsearch:9200},
     * {@code --host-source old-host:8081}); a value without a scheme is given {@code http://}.
     */
    static String withScheme(String address) {
        return address.contains("://") ? address : "http://" + address;
    }

    /**
     * ClearML's {@code fix_fileserver_urls.py} hands {@code --mongo-host} to pymongo, which takes a bare host or
     * {@code host:port} as well as a URI ({@code --mongo-host mongo:27017}); such a value is given {@code mongodb://}.
     */
    static String mongoUri(String address) {
        return address.contains("://") ? address : "mongodb://" + address;
    }
}
