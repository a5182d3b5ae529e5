package com.clearmlmigrator.planner.escopy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.CopySpec;
import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.planner.catalog.IndexNames;
import com.clearmlmigrator.planner.escopy.ClusterSurvey.ClusterFacts;
import com.clearmlmigrator.planner.escopy.ClusterSurvey.ComposableTemplates;
import com.clearmlmigrator.planner.escopy.ClusterSurvey.EarlierCopies;
import com.clearmlmigrator.planner.escopy.ClusterSurvey.SourceIndex;
import com.clearmlmigrator.planner.escopy.ClusterSurvey.SourceIndices;
import com.clearmlmigrator.planner.migration.CopyOrder;
import com.clearmlmigrator.planner.migration.MigrationOrder;
import com.clearmlmigrator.planner.migration.MigrationPlan;
import com.clearmlmigrator.planner.migration.StoredCopy;
import com.clearmlmigrator.planner.migration.TaskPlanner;

/**
 * Plans an Elasticsearch copy: runs the pre-flight (both clusters, versions, blocks, disk, existing indices, mapping
 * translation), records the plan on the migration, and splits the copy into steps per index: prepare (templates and
 * the empty index), one copy task per scroll slice, and a verification; an index small enough for one slice is one
 * task doing all three. The scheduler sends each step once the steps before it succeeded. A dry run stops after
 * recording the plan.
 */
@ApplicationScoped
public class EsCopyPlanner implements TaskPlanner {
    private static final Logger LOG = Logger.getLogger(EsCopyPlanner.class);

    private static final double SIZE_MARGIN = 1.2;

    private final ClusterSurvey survey;
    private final CopyChunking chunking;

    public EsCopyPlanner(ClusterSurvey survey, CopyChunking chunking) {
        this.survey = survey;
        this.chunking = chunking;
    }

    @Override
    public MigrationPlan plan(String migrationId, MigrationOrder order) {
        CopyOrder copy = order.copy();
        ElasticEndpoint target = order.elastic();
        ClusterFacts sourceFacts = surveyed("source", () -> survey.facts(copy.source()));
        ClusterFacts targetFacts = surveyed("target", () -> survey.facts(target));
        List<String> problems = new ArrayList<>(CopyPreflight.clusterProblems(sourceFacts, targetFacts));
        failOn(problems);

        Selection selected = selection(migrationId, copy, target, problems);
        List<SourceIndex> toCopy = selected.toCopy();
        Set<String> existing = selected.existing();
        boolean typed = sourceFacts.typedMappings();
        SourceTemplates sourceTemplates = sourceTemplates(copy.source(), sourceFacts, problems);
        List<StoredCopy.PlannedIndex> planned = toCopy.stream()
                .map(index -> planIndex(index, existing.contains(index.name()), typed, sourceTemplates, problems))
                .toList();
        List<CopySpec.IndexTemplate> templates = sourceTemplates.toPut();
        long estimated =
                (long) (toCopy.stream().mapToLong(SourceIndex::primaryBytes).sum() * SIZE_MARGIN);
        problems.addAll(CopyPreflight.diskProblems(estimated, targetFacts));
        problems.addAll(CopyPreflight.shardProblems(newIndexSettings(toCopy, existing), targetFacts));
        failOn(problems);

        StoredCopy.Plan plan = new StoredCopy.Plan(
                sourceFacts.version(),
                targetFacts.version(),
                estimated,
                targetFacts.availableBytes() == null
                        ? null
                        : targetFacts.availableBytes() - targetFacts.reservedBytes(),
                planned,
                selected.skipped(),
                templates.stream().map(CopySpec.IndexTemplate::name).toList(),
                CopyPreflight.replicaNotes(
                        toCopy.stream().map(SourceIndex::settings).toList(), targetFacts));
        if (copy.dryRun()) {
            return MigrationPlan.ofCopy(List.of(), plan);
        }
        return MigrationPlan.ofCopy(CopyTasks.of(migrationId, order, chunking, toCopy, planned, templates), plan);
    }

    /**
     * The source indices the order names, and of those what the target has already; problems (unreadable indices,
     * existing ones a {@code fail} refuses, or a {@code skip} cannot keep) are added to {@code problems}.
     */
    private Selection selection(String migrationId, CopyOrder copy, ElasticEndpoint target, List<String> problems) {
        SourceIndices matching = surveyed("source", () -> survey.indices(copy.source(), copy.indices()));
        problems.addAll(CopyPreflight.unreadableProblems(matching));
        List<SourceIndex> found = matching.open();
        if (found.isEmpty()) {
            problems.add("No open index on the source matches " + copy.indices() + ".");
            failOn(problems);
        }
        Set<String> existing = surveyed(
                "target",
                () -> survey.existing(
                        target, found.stream().map(SourceIndex::name).toList()));
        if (copy.ifTargetExists().equals(CopyOrder.FAIL) && !existing.isEmpty()) {
            problems.add("The target already has " + existing.size() + " of these indices ("
                    + IndexNames.listed(existing)
                    + "); remove them, or set \"ifTargetExists\" to \"skip\" or \"overwrite\".");
        }
        Set<String> kept = copy.ifTargetExists().equals(CopyOrder.SKIP)
                ? wholeOnTarget(migrationId, target, existing, found, problems)
                : Set.of();
        List<SourceIndex> toCopy = found.stream()
                .filter(i -> !kept.contains(i.name()))
                .map(i -> i.withReplicas(copy.replicas()))
                .toList();
        return new Selection(
                toCopy,
                found.stream().map(SourceIndex::name).filter(kept::contains).toList(),
                existing);
    }

    /**
     * @param toCopy   the source indices to copy, with the replicas the order asks for
     * @param skipped  the names of those a {@code skip} leaves alone, whole on the target
     * @param existing the names of the matching indices the target has
     */
    private record Selection(List<SourceIndex> toCopy, List<String> skipped, Set<String> existing) {}

    /** The existing indices a {@code skip} leaves alone ({@link SkipOnTarget}), its problems added to {@code problems}. */
    private Set<String> wholeOnTarget(
            String migrationId,
            ElasticEndpoint target,
            Set<String> existing,
            List<SourceIndex> found,
            List<String> problems) {
        EarlierCopies earlier = surveyed("target", () -> survey.earlierCopies(target, existing));
        if (!earlier.unfinished().isEmpty()) {
            LOG.infof(
                    "Migration %s: the target's %s were left part-copied by an earlier copy; copying them again",
                    migrationId, IndexNames.listed(earlier.unfinished()));
        }
        return SkipOnTarget.kept(existing, found, earlier, problems);
    }

    /**
     * The target index for a source index, with ClearML's fields mapped as its templates map them ({@link
     * KeywordRepair}); conflicts of its mapping translation are added to {@code problems}.
     */
    private StoredCopy.PlannedIndex planIndex(
            SourceIndex index, boolean replaces, boolean typed, SourceTemplates templates, List<String> problems) {
        MappingTranslation mapping = MappingTranslation.of(index.mappings(), typed);
        mapping.conflicts().forEach(c -> problems.add("Index " + index.name() + ": " + c));
        KeywordRepair repair =
                KeywordRepair.of(index.name(), mapping.mappings(), templates.legacy(), templates.composable());
        return new StoredCopy.PlannedIndex(
                index.name(),
                index.documents(),
                index.primaryBytes(),
                chunking.slicesFor(index.documents()),
                replaces,
                repair.mappings(),
                CopySettings.forCreation(index.settings(), chunking.isSmall(index.documents())),
                repair.fields().isEmpty() ? List.of() : List.of(repair.note()));
    }

    /**
     * ClearML's templates on the source: the legacy ones translated (their conflicts are added to {@code problems}),
     * and where the source has them (ES 7.8 and later) the composable ones with their components.
     */
    private SourceTemplates sourceTemplates(ElasticEndpoint source, ClusterFacts facts, List<String> problems) {
        List<TemplateTranslation> legacy = surveyed("source", () -> survey.templates(source)).entrySet().stream()
                .map(t -> TemplateTranslation.of(t.getKey(), t.getValue(), facts.typedMappings()))
                .filter(TemplateTranslation::isClearml)
                .toList();
        legacy.forEach(t -> problems.addAll(t.conflicts()));
        ComposableTemplates composable = facts.hasComposable()
                ? surveyed("source", () -> survey.composableTemplates(source))
                : new ComposableTemplates(Map.of(), Map.of());
        return new SourceTemplates(legacy, composable);
    }

    /** The source's templates of both kinds, which give ClearML's fields their types and are put on the target. */
    private record SourceTemplates(List<TemplateTranslation> legacy, ComposableTemplates composable) {
        /** In the order to put them: composable ones (component templates first), then the legacy ones. */
        List<CopySpec.IndexTemplate> toPut() {
            List<CopySpec.IndexTemplate> templates = new ArrayList<>(ComposableTemplateSelection.clearml(composable));
            legacy.forEach(
                    t -> templates.add(new CopySpec.IndexTemplate(t.name(), t.body(), CopySpec.TemplateKind.LEGACY)));
            return templates;
        }
    }

    /** The settings of the indices that add shards to the target: the new ones; an index it replaces frees its own. */
    private static List<Map<String, Object>> newIndexSettings(List<SourceIndex> toCopy, Set<String> existing) {
        return toCopy.stream()
                .filter(index -> !existing.contains(index.name()))
                .map(SourceIndex::settings)
                .toList();
    }

    /** Runs a survey call, naming which cluster failed when it does. */
    private static <T> T surveyed(String side, Supplier<T> call) {
        try {
            return call.get();
        } catch (TaskFailedException e) {
            throw new TaskFailedException(e.reason(), "The " + side + " cluster: " + e.getMessage(), e);
        }
    }

    private static void failOn(List<String> problems) {
        if (!problems.isEmpty()) {
            throw preflightFailure(problems);
        }
    }

    private static TaskFailedException preflightFailure(List<String> problems) {
        StringBuilder message = new StringBuilder("Pre-flight failed; nothing was written.");
        for (int i = 0; i < problems.size(); i++) {
            message.append(problems.size() == 1 ? " " : " (" + (i + 1) + ") ").append(problems.get(i));
        }
        return new TaskFailedException(FailureReason.BAD_INPUT, message.toString());
    }
}
