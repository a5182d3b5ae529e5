package com.clearmlmigrator.planner.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RequestRulesTest {
    @Test
    void relinkNeedsFromAndTo() {
        assertThatThrownBy(() ->
                        RequestRules.order(MigrationKind.RELINK, RequestRules.mongo("mongodb://h", null), null, null))
                .hasMessageContaining("needs 'from' and 'to'");
    }

    @Test
    void relinkFieldsOnAnInspectAreRefused() {
        var spec = RequestRules.relink("http://a/", "http://b/", null, null, null);

        assertThatThrownBy(() ->
                        RequestRules.order(MigrationKind.INSPECT, RequestRules.mongo("mongodb://h", null), null, spec))
                .hasMessageContaining("apply to relink migrations only");
    }

    @Test
    void unknownIncludeGroupNamesTheKnownOnes() {
        assertThatThrownBy(() -> RequestRules.relink("http://a/", "http://b/", false, List.of("scripts"), null))
                .hasMessageContaining("Unknown 'include' group 'scripts'")
                .hasMessageContaining("artifact-previews, configuration, hyperparams, logs, metadata");
    }

    @Test
    void prefixesWithCredentialsAreRefused() {
        assertThatThrownBy(() -> RequestRules.relink("http://u:p@a/", "http://b/", false, null, null))
                .hasMessageContaining("must not contain credentials");
    }

    @Test
    void extraFieldsAreCheckedAndScriptFieldsRefused() {
        assertThatThrownBy(
                        () -> RequestRules.relink("http://a/", "http://b/", false, null, List.of("task:script.diff")))
                .hasMessageContaining("may not name script fields");
        assertThat(RequestRules.relink("http://a/", "http://b/", true, null, List.of("frames:sources.*.uri"))
                        .dryRun())
                .isTrue();
    }
}
