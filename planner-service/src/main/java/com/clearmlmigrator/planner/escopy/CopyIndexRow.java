package com.clearmlmigrator.planner.escopy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.clearmlmigrator.contracts.CopyReport;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskOutcome;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.planner.migration.CopyOrder;
import com.clearmlmigrator.planner.migration.StoredCopy;
import com.clearmlmigrator.planner.migration.TaskState;

/**
 * One index of an Elasticsearch copy's report ({@link CopySummary}): its plan, and what its steps did and reported.
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
public record CopyIndexRow(
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
        Map<String, Object> settings) {

    /** The row of {@code index}, from its tasks' results and the progress of those under way. */
    static CopyIndexRow of(
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
        return new CopyIndexRow(
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
                    + stoppedPartWay(own)
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

    /**
     * Documents the copy steps a cancel stopped part-way had written, as they report it: an index stopped so holds them,
     * and its row must not say 0.
     */
    private static long stoppedPartWay(List<TaskState> own) {
        return own.stream()
                .filter(t -> t.result() != null && t.result().outcome() == TaskOutcome.SKIPPED)
                .mapToLong(t -> t.result().report() instanceof CopyReport r ? r.documentsCopied() : 0)
                .sum();
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
