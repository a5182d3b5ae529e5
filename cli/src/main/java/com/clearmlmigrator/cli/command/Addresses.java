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
}
