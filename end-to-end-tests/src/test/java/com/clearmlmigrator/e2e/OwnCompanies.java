package com.clearmlmigrator.e2e;

import java.util.List;

import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;
import com.clearmlmigrator.synthetic.ElasticSeeder;
import com.clearmlmigrator.synthetic.EventDataset;
import com.clearmlmigrator.synthetic.EventDocument;

/**
 * Companies of a test's own on one of the stack's Elasticsearch nodes (ES 7 or ES 5.6): seeded for the test and taken
 * away after it, because the other end-to-end tests count and rewrite every ClearML index they find. The tests that
 * copy from the stack to another cluster copy these.
 */
final class OwnCompanies {
    private final List<ClearmlWorld.Company> companies;
    private final List<String> indices;
    private final String sourceUrl;
    private final ElasticHttp source;

    private OwnCompanies(List<ClearmlWorld.Company> companies, List<String> indices, String sourceUrl) {
        this.companies = companies;
        this.indices = indices;
        this.sourceUrl = sourceUrl;
        this.source = new ElasticHttp(sourceUrl);
    }

    /** {@link #seedOnStack} into the stack's ES 7 node. */
    static OwnCompanies seedOnStackEs7(DatasetSpec spec) {
        return seedOnStack(ElasticEra.ES7, spec);
    }

    /**
     * Seeds the events of every company of a synthetic world but its first into the stack's node of that era. The
     * first company of every world has ClearML's example id, which the shared dataset already uses.
     */
    static OwnCompanies seedOnStack(ElasticEra era, DatasetSpec spec) {
        ClearmlWorld world = ClearmlWorld.generate(spec);
        List<ClearmlWorld.Company> companies =
                world.companies().subList(1, world.companies().size());
        List<EventDocument> documents = new EventDataset(world, era)
                .documents().stream()
                        .filter(d -> companies.stream().anyMatch(c -> d.index().contains(c.id())))
                        .toList();
        String url = era == ElasticEra.ES5
                ? RunningSystem.ports().elastic5Url()
                : RunningSystem.ports().elastic7Url();
        new ElasticSeeder(url).seed(era, documents);
        return new OwnCompanies(
                companies,
                documents.stream().map(EventDocument::index).distinct().sorted().toList(),
                url);
    }

    /**
     * Copies these companies' indices with es-copy from the stack into another cluster, then checks the copy
     * ({@link CopyAssertions}) and ClearML's aggregations on the target.
     */
    void copyAndCheck(String targetUrl, String targetVersionPrefix) {
        String id = Migrations.submit(Migrations.esCopy(sourceUrl, targetUrl, indexPatterns(), "\"dryRun\":false"));
        ElasticHttp target = new ElasticHttp(targetUrl);

        CopyAssertions.assertCopiedIntact(id, source, target, indices, targetVersionPrefix);
        CopyAssertions.assertClearmlAggregationsWork(
                target, "events-training_stats_scalar-" + companies.get(0).id());
    }

    /** These companies' indices, in name order. */
    List<String> indices() {
        return indices;
    }

    /** The first of these companies' indices whose name starts with {@code prefix}. */
    String index(String prefix) {
        return indices.stream()
                .filter(index -> index.startsWith(prefix))
                .findFirst()
                .orElseThrow();
    }

    /** The index patterns of an es-copy of these companies' indices. */
    List<String> indexPatterns() {
        return Migrations.indexPatterns(companies);
    }

    /** Deletes the seeded indices from the stack's node, and their copies from the clusters given. */
    void remove(String... copiesAt) {
        indices.forEach(index -> source.delete("/" + index));
        for (String cluster : copiesAt) {
            ElasticHttp copies = new ElasticHttp(cluster);
            indices.forEach(index -> copies.delete("/" + index));
        }
    }
}
