package com.clearmlmigrator.e2e;

import java.util.List;

import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.ElasticEra;
import com.clearmlmigrator.synthetic.ElasticSeeder;
import com.clearmlmigrator.synthetic.EventDataset;
import com.clearmlmigrator.synthetic.EventDocument;

/**
 * Companies of a test's own on the stack's shared clusters: seeded for the test and taken away after it, because the
 * other end-to-end tests count and rewrite every ClearML index they find.
 */
final class OwnCompanies {
    private OwnCompanies() {}

    /** Seeds the companies' ES 7 events into the stack's ES 7 node and returns their indices, sorted. */
    static List<String> seedOnStackEs7(ClearmlWorld world, List<ClearmlWorld.Company> companies) {
        List<EventDocument> documents = new EventDataset(world, ElasticEra.ES7)
                .documents().stream()
                        .filter(d -> companies.stream().anyMatch(c -> d.index().contains(c.id())))
                        .toList();
        new ElasticSeeder(RunningSystem.ports().elastic7Url()).seed(ElasticEra.ES7, documents);
        return documents.stream().map(EventDocument::index).distinct().sorted().toList();
    }

    /** Deletes the indices a test seeded; nothing when seeding never happened. */
    static void remove(ElasticHttp cluster, List<String> indices) {
        if (indices != null) {
            indices.forEach(index -> cluster.delete("/" + index));
        }
    }
}
