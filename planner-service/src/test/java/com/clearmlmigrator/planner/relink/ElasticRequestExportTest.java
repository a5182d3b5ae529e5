package com.clearmlmigrator.planner.relink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.RelinkSpec;

class ElasticRequestExportTest {
    @Test
    void aPrefixStoredInSeveralSpellingsIsNamedAsOneTheRequestsLeaveAlone() {
        RelinkSpec spaced =
                new RelinkSpec("http://files:8081/my data/", "http://files:8081/new/", false, List.of(), List.of());

        ElasticRequestExport export = ElasticRequestExport.of(spaced);

        assertThat(export.caveats())
                .anySatisfy(caveat -> assertThat(caveat)
                        .contains("http://files:8081/my%20data")
                        .contains("only as given"));
    }

    @Test
    void aPlainPrefixHasNoSuchCaveat() {
        RelinkSpec plain = new RelinkSpec(
                "http://files.old.lan:8081/", "https://files.example.com/", false, List.of("logs"), List.of());

        ElasticRequestExport export = ElasticRequestExport.of(plain);

        assertThat(export.caveats()).noneMatch(caveat -> caveat.contains("only as given"));
        assertThat(export.requests()).hasSize(3);
    }
}
