package com.clearmlmigrator.planner.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.IndexInspection;
import com.clearmlmigrator.contracts.UrlPrefixCount;
import com.clearmlmigrator.relink.ClearmlFields;

/**
 * One URL origin across everything an inspect read: how many references start with it in MongoDB and in
 * Elasticsearch, and in which fields.
 *
 * @param prefix  the origin ({@code http://files.old.lan:8081}, {@code s3://minio.lan:9000/bucket})
 * @param mongo   references in MongoDB
 * @param elastic references in Elasticsearch
 * @param fields  references per place, named {@code collection: field} or, with the company id of per-company indices
 *                left out, {@code events-plot-*: plot_data}
 * @param optIn   the places of {@code fields} a relink rewrites only when its {@code include} names the group given
 *                here ({@code "task: configuration.*.value": "configuration"}); every other place, every relink does
 */
public record UrlPrefixTotal(
        String prefix, long mongo, long elastic, Map<String, Long> fields, Map<String, String> optIn) {
    /** A company id at the end of a ClearML event index name. */
    private static final Pattern COMPANY_SUFFIX = Pattern.compile("-[0-9a-f]{32}$");

    static List<UrlPrefixTotal> of(List<CollectionInspection> collections, List<IndexInspection> indices) {
        Map<String, Tally> byPrefix = new LinkedHashMap<>();
        for (CollectionInspection collection : collections) {
            for (UrlPrefixCount count : collection.urlPrefixes()) {
                byPrefix.computeIfAbsent(count.prefix(), p -> new Tally())
                        .add(
                                collection.collection() + ": " + count.field(),
                                count.references(),
                                true,
                                ClearmlFields.optInGroupOfCollectionField(collection.collection(), count.field()));
            }
        }
        for (IndexInspection index : indices) {
            String kind = COMPANY_SUFFIX.matcher(index.index()).replaceFirst("-*");
            for (UrlPrefixCount count : index.urlPrefixes()) {
                byPrefix.computeIfAbsent(count.prefix(), p -> new Tally())
                        .add(
                                kind + ": " + count.field(),
                                count.references(),
                                false,
                                ClearmlFields.optInGroupOfIndexField(index.index(), count.field()));
            }
        }
        List<UrlPrefixTotal> totals = new ArrayList<>();
        byPrefix.forEach((prefix, tally) ->
                totals.add(new UrlPrefixTotal(prefix, tally.mongo, tally.elastic, tally.fields, tally.optIn)));
        totals.sort(Comparator.comparingLong((UrlPrefixTotal t) -> t.mongo + t.elastic)
                .reversed()
                .thenComparing(UrlPrefixTotal::prefix));
        return totals;
    }

    private static final class Tally {
        private long mongo;
        private long elastic;
        private final Map<String, Long> fields = new TreeMap<>();
        private final Map<String, String> optIn = new TreeMap<>();

        void add(String place, long references, boolean inMongo, Optional<String> optInGroup) {
            if (inMongo) {
                mongo += references;
            } else {
                elastic += references;
            }
            fields.merge(place, references, Long::sum);
            optInGroup.ifPresent(group -> optIn.put(place, group));
        }
    }
}
