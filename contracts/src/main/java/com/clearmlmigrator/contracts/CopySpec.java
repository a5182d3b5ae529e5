package com.clearmlmigrator.contracts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What an Elasticsearch copy task does, one record per copy task type, told apart by the {@code step} property. The
 * source cluster travels in {@link MigrationTask#source()}, the target in {@link MigrationTask#elastic()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "step")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CopySpec.Prepare.class, name = "prepare"),
    @JsonSubTypes.Type(value = CopySpec.CopySlice.class, name = "copy-slice"),
    @JsonSubTypes.Type(value = CopySpec.Verify.class, name = "verify"),
    @JsonSubTypes.Type(value = CopySpec.CopyIndex.class, name = "copy-index")
})
public sealed interface CopySpec {

    /**
     * Creates the translated templates first (so indices the ClearML server creates later get the right mappings),
     * then every target index, empty, with replicas and refresh off for the copy.
     *
     * @param templates index templates to put on the target, in this order (component templates before the composable
     *                  templates built of them)
     * @param indices   indices to create
     */
    record Prepare(List<IndexTemplate> templates, List<TargetIndex> indices) implements CopySpec {
        public Prepare {
            templates = List.copyOf(templates);
            indices = List.copyOf(indices);
        }
    }

    /**
     * Copies one slice of one index (the task's target, same name on both clusters).
     *
     * @param maxDocsPerSecond one elastic-worker's share of the migration's rate limit, which the migration's tasks
     *                         running at once on that worker share; 0 for none
     */
    record CopySlice(long maxDocsPerSecond) implements CopySpec {}

    /**
     * Checks a copied index against its source, then restores its settings and, if asked, write-blocks the source.
     *
     * @param expected   the source's fingerprint, summed from the copy slices when the planner sends the task; null
     *                   while planned
     * @param sourceWritesBefore the source index's write count (documents its primary shards indexed and deleted, from
     *                   its indexing stats) from before any copy slice opened its scroll, the least the slices read;
     *                   null while planned, or when unknown. A verification that finds the count grown knows the source
     *                   took writes the copy may have missed.
     * @param restore    index settings to put back on the target index once copied (replicas, refresh interval);
     *                   empty when the index was created with its final settings
     * @param sealSource whether to put a write block on the source index when the copy matches
     * @param maxDocsPerSecond the rate of the copy's slices ({@link CopySlice}), which a verification that copies the
     *                   index again keeps to; 0 for none
     */
    record Verify(
            ContentChecksum expected,
            Long sourceWritesBefore,
            Map<String, Object> restore,
            boolean sealSource,
            long maxDocsPerSecond)
            implements CopySpec {
        public Verify {
            Objects.requireNonNull(restore, "restore");
        }

        public Verify expecting(ContentChecksum sourceChecksum, Long sourceWrites) {
            return new Verify(sourceChecksum, sourceWrites, restore, sealSource, maxDocsPerSecond);
        }
    }

    /**
     * All three steps in one task, for an index small enough for one slice: a separate task per step would cost more
     * in round trips than the step itself.
     *
     * @param prepare the preparation of this index (and, for the first task, the templates)
     * @param copy    the copy of the whole index
     * @param verify  the verification, expecting what the copy read
     */
    record CopyIndex(Prepare prepare, CopySlice copy, Verify verify) implements CopySpec {
        public CopyIndex {
            Objects.requireNonNull(prepare, "prepare");
            Objects.requireNonNull(copy, "copy");
            Objects.requireNonNull(verify, "verify");
        }
    }

    /**
     * An index template in the target's (typeless) form.
     *
     * @param name template name, as on the source
     * @param body the body to put at {@link TemplateKind#path}{@code /<name>}
     * @param kind which kind of template; tasks planned before there were kinds carry none and mean a legacy one
     */
    record IndexTemplate(String name, Map<String, Object> body, TemplateKind kind) {
        public IndexTemplate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(body, "body");
            kind = kind == null ? TemplateKind.LEGACY : kind;
        }

        /** The request path that puts this template. */
        public String path() {
            return kind.path() + "/" + name;
        }
    }

    /**
     * The three kinds of Elasticsearch template. ClearML servers up to 1.16 put legacy templates; from 1.17, on ES 8,
     * composable index templates built on a component template.
     */
    enum TemplateKind {
        /** {@code _template}: ES 5.6 to 8. */
        LEGACY("/_template"),
        /** {@code _component_template}: ES 7.8 and later; composable index templates are built of them. */
        COMPONENT("/_component_template"),
        /** {@code _index_template}: ES 7.8 and later. */
        COMPOSABLE("/_index_template");

        private final String path;

        TemplateKind(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    /**
     * One index to create on the target.
     *
     * @param name            index name, the same as on the source
     * @param mappings        typeless mappings translated from the source
     * @param settings        index settings to create it with (shards from the source; replicas 0 and refresh off
     *                        while copying)
     * @param replaceExisting delete an index of that name first ({@code ifTargetExists: overwrite})
     */
    record TargetIndex(
            String name, Map<String, Object> mappings, Map<String, Object> settings, boolean replaceExisting) {
        public TargetIndex {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mappings, "mappings");
            Objects.requireNonNull(settings, "settings");
        }
    }
}
