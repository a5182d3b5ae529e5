package com.clearmlmigrator.worker.elastic.copy;

import java.util.List;

import com.clearmlmigrator.contracts.CopySpec;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskFailedException;

/** The first step of a copy: the target gets the translated templates, then the indices the copy writes to. */
final class TargetPreparation {
    private TargetPreparation() {}

    /** Puts the templates, then creates each index unless this migration already did (a replay). */
    static void prepare(
            MigrationTask task,
            CopySpec.Prepare spec,
            TargetIndex<?> target,
            List<String> created,
            List<String> notes) {
        spec.templates().forEach(target::putTemplate);
        if (!spec.templates().isEmpty()) {
            notes.add("Put " + spec.templates().size() + " index templates on the target.");
        }
        String migrationId = task.id().migrationId();
        for (CopySpec.TargetIndex index : spec.indices()) {
            if (target.exists(index.name())) {
                if (target.createdBy(index.name()).equals(migrationId)) {
                    continue; // A replay: this migration created it and may already be copying into it.
                }
                if (!index.replaceExisting()) {
                    throw new TaskFailedException(
                            FailureReason.TARGET_REJECTED,
                            "Index " + index.name() + " appeared on the target after the copy was planned; remove it"
                                    + " or start the copy again with \"ifTargetExists\": \"skip\" or \"overwrite\".");
                }
                target.delete(index.name());
                notes.add("Replaced the target's existing index " + index.name() + ".");
            }
            target.create(index, migrationId);
            created.add(index.name());
        }
    }
}
