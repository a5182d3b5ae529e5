package com.clearmlmigrator.contracts;

import java.util.Objects;

/**
 * Where a worker finds a ClearML MongoDB.
 *
 * @param uri      MongoDB connection string, for example {@code mongodb://host:27017}
 * @param database the ClearML database, {@code backend} on every ClearML server
 */
public record MongoEndpoint(String uri, String database) {
    public MongoEndpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(database, "database");
    }

    /** The connection string with any password replaced, for messages and logs. */
    public String redactedUri() {
        return uri.replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    @Override
    public String toString() {
        return "MongoEndpoint[uri=" + redactedUri() + ", database=" + database + "]";
    }
}
