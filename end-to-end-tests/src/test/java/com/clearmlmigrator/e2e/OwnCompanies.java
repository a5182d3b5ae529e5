package com.clearmlmigrator.e2e;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;
import com.clearmlmigrator.synthetic.ElasticSeeder;
import com.clearmlmigrator.synthetic.EventDataset;
import com.clearmlmigrator.synthetic.EventDocument;

/**
 * Companies of a test class's own on one of the stack's Elasticsearch nodes (ES 7 or ES 5.6), registered as an extension
 * ({@code @RegisterExtension static final OwnCompanies own = OwnCompanies.onStack(...)}): seeded before the class's
 * tests and taken away after them, because the other end-to-end tests count and rewrite every ClearML index they find.
 * The tests that copy from the stack to another cluster copy these.
 */
final class OwnCompanies implements BeforeAllCallback, AfterAllCallback {
    private final ElasticEra era;
    private final DatasetSpec spec;
    private final boolean copiedToStackEs7;
    private List<ClearmlWorld.Company> companies;
    private List<String> indices;
    private String sourceUrl;

    private OwnCompanies(ElasticEra era, DatasetSpec spec, boolean copiedToStackEs7) {
        this.era = era;
        this.spec = spec;
        this.copiedToStackEs7 = copiedToStackEs7;
    }

    /**
     * The events of every company of a synthetic world but its first, on the stack's node of that era. The first
     * company of every world has ClearML's example id, which the shared dataset already uses.
     */
    static OwnCompanies onStack(ElasticEra era, DatasetSpec spec) {
        return new OwnCompanies(era, spec, false);
    }

    /** These companies, whose copies the tests make on the stack's ES 7 node: those are taken away too. */
    OwnCompanies copiedToStackEs7() {
        return new OwnCompanies(era, spec, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ClearmlWorld world = ClearmlWorld.generate(spec);
        companies = world.companies().subList(1, world.companies().size());
        List<EventDocument> documents = new EventDataset(world, era)
                .documents().stream()
                        .filter(d -> companies.stream().anyMatch(c -> d.index().contains(c.id())))
                        .toList();
        sourceUrl = era == ElasticEra.ES5
                ? RunningSystem.ports().elastic5Url()
                : RunningSystem.ports().elastic7Url();
        new ElasticSeeder(sourceUrl).seed(era, documents);
        indices =
                documents.stream().map(EventDocument::index).distinct().sorted().toList();
    }

    /** Deletes the seeded indices from the stack's node, and their copies where the tests made them there. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (indices == null) {
            return; // never seeded
        }
        ElasticHttp source = new ElasticHttp(sourceUrl);
        indices.forEach(index -> source.delete("/" + index));
        if (copiedToStackEs7) {
            ElasticHttp copies = new ElasticHttp(RunningSystem.ports().elastic7Url());
            indices.forEach(index -> copies.delete("/" + index));
        }
    }

    /**
     * Copies these companies' indices with es-copy from the stack into another cluster, then checks the copy
     * ({@link CopyAssertions}) and ClearML's aggregations on the target.
     */
    void copyAndCheck(String targetUrl, String targetVersionPrefix) {
        String id = Migrations.submit(Migrations.esCopy(sourceUrl, targetUrl, indexPatterns(), "\"dryRun\":false"));
        ElasticHttp target = new ElasticHttp(targetUrl);

        CopyAssertions.assertCopiedIntact(id, new ElasticHttp(sourceUrl), target, indices, targetVersionPrefix);
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
}
