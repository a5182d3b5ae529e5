package com.clearmlmigrator.contracts;

import java.util.Objects;

/**
 * How many stored references of one field start with one URL origin: what an inspection shows an operator so they know
 * what a relink's {@code from} should be.
 *
 * @param field      the field's rule path ({@code execution.artifacts.*.uri}, {@code plot_data})
 * @param prefix     scheme and authority ({@code http://files.old.lan:8081}), with the bucket where the authority is a
 *                   host and port ({@code s3://minio.lan:9000/clearml}) and the container for {@code azure://}
 * @param references values (or, in text, occurrences) that start with it
 */
public record UrlPrefixCount(String field, String prefix, long references) {
    public UrlPrefixCount {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(prefix, "prefix");
    }
}
