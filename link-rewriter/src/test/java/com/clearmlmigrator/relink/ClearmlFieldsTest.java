package com.clearmlmigrator.relink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClearmlFieldsTest {

    @Test
    void aFieldOfAnOptInGroupIsNamedWithTheGroupARelinkMustInclude() {
        assertThat(ClearmlFields.optInGroupOfCollectionField("task", "configuration.*.value"))
                .contains("configuration");
        assertThat(ClearmlFields.optInGroupOfCollectionField("task", "hyperparams.*.*.value"))
                .contains("hyperparams");
        assertThat(ClearmlFields.optInGroupOfCollectionField("task", "execution.artifacts.*.type_data.preview"))
                .contains("artifact-previews");
        assertThat(ClearmlFields.optInGroupOfCollectionField("queue", "metadata.*.value"))
                .contains("metadata");
        assertThat(ClearmlFields.optInGroupOfIndexField("events-log-0123", "msg"))
                .contains("logs");
    }

    @Test
    void aFieldEveryRelinkRewritesOrNoneDoesNamesNoGroup() {
        assertThat(ClearmlFields.optInGroupOfCollectionField("task", "execution.artifacts.*.uri"))
                .isEmpty();
        assertThat(ClearmlFields.optInGroupOfCollectionField("model", "uri")).isEmpty();
        assertThat(ClearmlFields.optInGroupOfIndexField("events-training_debug_image-0123", "url"))
                .isEmpty();
        assertThat(ClearmlFields.optInGroupOfIndexField("events-plot-0123", "plot_data"))
                .isEmpty();
        assertThat(ClearmlFields.optInGroupOfCollectionField("task", "script.repository"))
                .isEmpty();
    }
}
