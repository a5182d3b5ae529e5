package com.clearmlmigrator.e2e;

import java.util.List;

import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;
import com.clearmlmigrator.synthetic.ElasticSeeder;
import com.clearmlmigrator.synthetic.EventDataset;
import com.clearmlmigrator.synthetic.EventDocument;

/**
 * Companies of a test's own on the stack's ES 7 node: seeded for the test and taken away after it, because the other
 * end-to-end tests count and rewrite every ClearML index they find. The tests that copy from ES 7 to another cluster
 * copy these.
 */
final class OwnCompanies {
    private final List<ClearmlWorld.Company> companies;
    private final List<String> indices;
    private final ElasticHttp stackEs7;

    private OwnCompanies(List<ClearmlWorld.Company> companies, List<String> indices) {
        this.companies = companies;
        this.indices = indices;
        this.stackEs7 = new ElasticHttp(RunningSystem.ports().elastic7Url());
    }

    /**
     * Seeds the ES 7 events of every company of a synthetic world but its first into the stack's ES 7 node. The first
     * company of every world has ClearML's example id, which the shared dataset already uses.
     */
    static OwnCompanies seedOnStackEs7(DatasetSpec spec) {
        ClearmlWorld world = ClearmlWorld.generate(spec);
        List<ClearmlWorld.Company> companies =
                world.companies().subList(1, world.companies().size());
        List<EventDocument> documents = new EventDataset(world, ElasticEra.ES7)
                .documents().stream()
                        .filter(d -> companies.stream().anyMatch(c -> d.index().contains(c.id())))
                        .toList();
        new ElasticSeeder(RunningSystem.ports().elastic7Url()).seed(ElasticEra.ES7, documents);
        return new OwnCompanies(
                companies,
                documents.stream().map(EventDocument::index).distinct().sorted().toList());
    }

    /**
     * Copies these companies' indices with es-copy from the stack's ES 7 into another cluster, then checks the copy
     * ({@link CopyAssertions}) and ClearML's aggregations on the target.
     */
    void copyAndCheck(String targetUrl, String targetVersionPrefix) {
        String id = Migrations.submit(Migrations.esCopy(
                RunningSystem.ports().elastic7Url(),
                targetUrl,
                Migrations.indexPatterns(companies),
                "\"dryRun\":false"));
        ElasticHttp target = new ElasticHttp(targetUrl);

        CopyAssertions.assertCopiedIntact(id, stackEs7, target, indices, targetVersionPrefix);
        CopyAssertions.assertClearmlAggregationsWork(
                target, "events-training_stats_scalar-" + companies.get(0).id());
    }

    /** Deletes the indices seeded on the stack's ES 7. */
    void remove() {
        indices.forEach(index -> stackEs7.delete("/" + index));
    }
}
