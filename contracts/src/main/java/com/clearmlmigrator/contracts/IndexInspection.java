package com.clearmlmigrator.contracts;

import java.util.List;
import java.util.Objects;

/**
 * What an inspection found in one Elasticsearch index.
 *
 * @param index           index name
 * @param documents       number of documents
 * @param sizeBytes       primary store size in bytes
 * @param serverVersion   Elasticsearch version of the cluster
 * @param mappingTypes    mapping type names (ES 5.6: {@code event}, {@code _default_}, {@code stat}...); empty on
 *                        typeless (ES 7+) indices
 * @param routingRequired whether the mapping requires {@code _routing} on every document (ClearML's ES 5.6 events)
 * @param urlFields       which of the URL-bearing fields {@code url}, {@code plot_str}, {@code plot_data} the
 *                        mapping has
 * @param urlPrefixes     the URL origins its references start with, counted per field (inside compressed plots too);
 *                        empty when it holds none, and for log indices, which are not read
 * @param unreadablePlots compressed plots that could not be opened, so their references are not counted
 * @param textFields      ClearML fields its templates map as keyword ({@code metric}, {@code variant}, {@code task}...)
 *                        that the index maps as text, as an index created before its template gets them: ClearML's
 *                        aggregations on them fail (ClearML issue #233); empty when there are none
 */
public record IndexInspection(
        String index,
        long documents,
        long sizeBytes,
        String serverVersion,
        List<String> mappingTypes,
        boolean routingRequired,
        List<String> urlFields,
        List<UrlPrefixCount> urlPrefixes,
        long unreadablePlots,
        List<String> textFields)
        implements TaskReport {
    public IndexInspection {
        Objects.requireNonNull(index, "index");
        mappingTypes = mappingTypes == null ? List.of() : List.copyOf(mappingTypes);
        urlFields = urlFields == null ? List.of() : List.copyOf(urlFields);
        urlPrefixes = urlPrefixes == null ? List.of() : List.copyOf(urlPrefixes);
        textFields = textFields == null ? List.of() : List.copyOf(textFields);
    }
}
