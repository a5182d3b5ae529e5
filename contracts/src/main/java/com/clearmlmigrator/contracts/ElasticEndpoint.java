package com.clearmlmigrator.contracts;

import java.util.List;
import java.util.Objects;

/**
 * Where a worker finds an Elasticsearch cluster.
 *
 * @param hosts    HTTP(S) base URLs of one or more nodes of the same cluster
 * @param username basic-auth user, or null when the cluster has no security
 * @param password basic-auth password, or null; never printed
 */
public record ElasticEndpoint(List<String> hosts, String username, String password) {
    public ElasticEndpoint {
        hosts = List.copyOf(Objects.requireNonNull(hosts, "hosts"));
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("hosts must not be empty");
        }
    }

    /** True when basic-auth credentials are set. */
    public boolean hasCredentials() {
        return username != null && password != null;
    }

    @Override
    public String toString() {
        return "ElasticEndpoint[hosts=" + hosts + ", username=" + username + ", password="
                + (password == null ? "null" : "***") + "]";
    }
}
