package com.clearmlmigrator.planner.escopy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.clearmlmigrator.contracts.CopyReport;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.planner.migration.CopyOrder;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.StoredCopy;
import com.clearmlmigrator.planner.migration.TaskCounts;
import com.clearmlmigrator.planner.migration.TaskFailure;
import com.clearmlmigrator.planner.migration.TaskState;

/**
 * The report of an Elasticsearch copy: the plan, and per index the documents on each side, whether the checksums
 * match, the time taken, and while it runs the rate and the time left.
 *
 * @param id                   migration id
 * @param status               life-cycle status
 * @param source               source hosts
 * @param target               target hosts
 * @param dryRun               true when only planned
 * @param ifTargetExists       what was done with indices the target already had
 * @param afterCopy            what was done with the source indices once verified
 * @param replicas             the replicas given to every copied index; null when each keeps its source's
 * @param sourceVersion        source Elasticsearch version
 * @param targetVersion        target Elasticsearch version
 * @param estimatedBytes       disk the copy needs on the target
 * @param targetAvailableBytes free disk on the target below its high watermark, when it reports it
 * @param documents            source documents of every index copied
 * @param copied               documents copied so far
 * @param tasks                task counts
 * @param error                why the migration failed or paused; null otherwise
 * @param indices              per index
 * @param skipped              indices left alone because the target had them
 * @param templates            templates put on the target
 * @param failures             every failed task and why
 * @param notes                what the operator should know of the copy that is not a problem, one sentence each
 */
public record CopySummary(
        String id,
        MigrationStatus status,
        List<String> source,
        List<String> target,
        boolean dryRun,
        String ifTargetExists,
        String afterCopy,
        Integer replicas,
        String sourceVersion,
        String targetVersion,
        Long estimatedBytes,
        Long targetAvailableBytes,
        long documents,
        long copied,
        TaskCounts tasks,
        String error,
        List<IndexRow> indices,
        List<String> skipped,
        List<String> templates,
        List<TaskFailure> failures,
        List<String> notes) {

    /**
     * One index.
     *
     * @param index            index name
     * @param replaced         whether an existing target index was replaced
     * @param documents        documents on the source when planned
     * @param copied           documents copied by the slices that finished and, as they report it, by those under way
     * @param slices           copy tasks
     * @param slicesDone       copy tasks that succeeded
     * @param targetDocuments  documents on the target once verified; null before
     * @param checksumMatch    true when verified equal, false when the verification found a difference, null before
     * @param sourceChecksum   fingerprint of the source, once verified
     * @param targetChecksum   fingerprint of the target, once verified
     * @param docsPerSecond    copy rate so far; null before the first slice ends
     * @param etaSeconds       time left at that rate; null when unknown or done
     * @param tookMillis       from the first step's start to the verification's end; null until verified
     * @param sourceWriteBlocked whether the source index now has a write block
     * @param notes            what the index's steps did besides copying, one sentence each (settings restored, source
     *                         write-blocked, an existing index replaced, writes the source took during the copy)
     * @param mappingChanges   what the planning changed in the index's mappings besides translating them, one sentence
     *                         each (ClearML's fields mapped as keyword, as its templates map them)
     * @param mappings         the translated mappings (dry run only)
     * @param settings         the settings the target index is created with (dry run only)
     */
    public record IndexRow(
            String index,
            boolean replaced,
            long documents,
            long copied,
            int slices,
            int slicesDone,
            Long targetDocuments,
            Boolean checksumMatch,
            String sourceChecksum,
            String targetChecksum,
            Double docsPerSecond,
            Long etaSeconds,
            Long tookMillis,
            boolean sourceWriteBlocked,
            List<String> notes,
            List<String> mappingChanges,
            Map<String, Object> mappings,
            Map<String, Object> settings) {}

    public static CopySummary of(Migration migration, TaskCounts counts, List<TaskState> tasks) {
        return of(migration, counts, tasks, Map.of());
    }

    /** @param running the progress of tasks still under way, by task id, counted until their results arrive */
    public static CopySummary of(
            Migration migration, TaskCounts counts, List<TaskState> tasks, Map<TaskId, TaskProgress> running) {
        StoredCopy copy = migration.copy();
        StoredCopy.Plan plan = copy.plan();
        List<IndexRow> rows = plan == null
                ? List.of()
                : plan.indices().stream()
                        .map(index -> row(index, copy, tasks, running))
                        .toList();
        return new CopySummary(
                migration.id(),
                migration.status(),
                copy.sourceHosts(),
                migration.targets().elasticHosts(),
                copy.dryRun(),
                copy.ifTargetExists(),
                copy.afterCopy(),
                copy.replicas(),
                plan == null ? null : plan.sourceVersion(),
                plan == null ? null : plan.targetVersion(),
                plan == null ? null : plan.estimatedBytes(),
                plan == null ? null : plan.targetAvailableBytes(),
                rows.stream().mapToLong(IndexRow::documents).sum(),
                rows.stream().mapToLong(IndexRow::copied).sum(),
                counts,
                migration.error(),
                rows,
                plan == null ? List.of() : plan.skipped(),
                plan == null ? List.of() : plan.templates(),
                TaskFailure.of(tasks),
                plan == null ? List.of() : plan.notes());
    }

    private static IndexRow row(
            StoredCopy.PlannedIndex index, StoredCopy copy, List<TaskState> tasks, Map<TaskId, TaskProgress> running) {
        List<TaskState> own =
                tasks.stream().filter(t -> t.target().equals(index.name())).toList();
        // An index of one slice is one COPY_INDEX task: its copy and its verification.
        List<CopyReport> slices = reports(own, TaskType.COPY_SLICE, TaskType.COPY_INDEX);
        Advance advance = Advance.of(own, slices, running);
        CopyReport verified = reports(own, TaskType.VERIFY_COPY, TaskType.COPY_INDEX).stream()
                .findFirst()
                .orElse(null);
        boolean verifyFailed = own.stream()
                .anyMatch(t -> (t.type() == TaskType.VERIFY_COPY || t.type() == TaskType.COPY_INDEX)
                        && t.hasFailed()
                        && t.result().reason() != FailureReason.PREREQUISITE_FAILED);
        Pace pace = Pace.of(advance, index.documents(), verified != null);
        return new IndexRow(
                index.name(),
                index.replaces(),
                index.documents(),
                advance.copied(),
                index.slices(),
                slices.size(),
                verified == null ? null : verified.copied().documents(),
                verified != null ? Boolean.TRUE : verifyFailed ? Boolean.FALSE : null,
                verified == null ? null : verified.source().sum(),
                verified == null ? null : verified.copied().sum(),
                pace.docsPerSecond(),
                pace.etaSeconds(),
                verified == null || advance.started() == null
                        ? null
                        : Duration.between(advance.started(), verified.finishedAt())
                                .toMillis(),
                verified != null && copy.afterCopy().equals(CopyOrder.READ_ONLY_SOURCE),
                reports(own, TaskType.values()).stream()
                        .flatMap(report -> report.notes().stream())
                        .toList(),
                index.notes(),
                copy.dryRun() ? index.mappings() : null,
                copy.dryRun() ? index.settings() : null);
    }

    /**
     * How far an index's copy has come: documents copied by the slices that ended and, as they report it, by those
     * under way; when its first step started; and the latest news (a slice's end or a running slice's progress).
     */
    private record Advance(long copied, Instant started, Instant lastNews) {
        static Advance of(List<TaskState> own, List<CopyReport> slices, Map<TaskId, TaskProgress> running) {
            List<TaskProgress> underWay = own.stream()
                    .filter(TaskState::isPending)
                    .map(t -> running.get(t.id()))
                    .filter(Objects::nonNull)
                    .toList();
            long copied = slices.stream().mapToLong(r -> r.copied().documents()).sum()
                    + underWay.stream().mapToLong(TaskProgress::documents).sum();
            Instant started = Stream.concat(
                            own.stream()
                                    .map(t -> t.result() != null && t.result().report() instanceof CopyReport r
                                            ? r.startedAt()
                                            : null)
                                    .filter(Objects::nonNull),
                            underWay.stream().map(TaskProgress::startedAt))
                    .min(Instant::compareTo)
                    .orElse(null);
            Instant lastNews = Stream.concat(
                            slices.stream().map(CopyReport::finishedAt),
                            underWay.stream().map(TaskProgress::at))
                    .max(Instant::compareTo)
                    .orElse(null);
            return new Advance(copied, started, lastNews);
        }
    }

    /** Copy rate from the first step's start to the latest news, and the time left at that rate. */
    private record Pace(Double docsPerSecond, Long etaSeconds) {
        static Pace of(Advance advance, long documents, boolean done) {
            long copied = advance.copied();
            if (advance.started() == null || advance.lastNews() == null || copied == 0) {
                return new Pace(null, null);
            }
            double seconds = Math.max(
                    0.001,
                    Duration.between(advance.started(), advance.lastNews()).toMillis() / 1000.0);
            double rate = Math.round(copied / seconds * 10) / 10.0;
            long left = Math.max(0, documents - copied);
            return new Pace(rate, !done && rate > 0 ? (long) Math.ceil(left / rate) : null);
        }
    }

    private static List<CopyReport> reports(List<TaskState> tasks, TaskType... types) {
        List<TaskType> wanted = List.of(types);
        return tasks.stream()
                .filter(t -> wanted.contains(t.type())
                        && t.hasSucceeded()
                        && t.result().report() instanceof CopyReport)
                .map(t -> (CopyReport) t.result().report())
                .toList();
    }
}
