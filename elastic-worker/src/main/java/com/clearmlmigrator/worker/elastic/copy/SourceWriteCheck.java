package com.clearmlmigrator.worker.elastic.copy;

import java.util.List;

import com.clearmlmigrator.contracts.CopySpec;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;

/**
 * Whether a source index took writes while it was copied, from its write count ({@link SourceIndex#writeCount}) read
 * before the copy's reads opened and again after the seal. A count that moved for another reason (a shard restarted or
 * relocated) raises the alarm too: it may ask for a needless new copy, but never lets a missed write pass.
 */
final class SourceWriteCheck {
    private SourceWriteCheck() {}

    /**
     * Compares the source's write count with the one read before the copy's scrolls opened. The target matched what
     * the copy read, so a write since then may be missing from it: that fails the index when the source is now sealed
     * (a new copy reads it whole), and is noted when it stays writable ({@code "afterCopy": "none"}), where writes
     * during the copy are the operator's choice. The count must be read after the seal, so that no write can slip in
     * after the check.
     */
    static void checkUnchanged(String index, long countNow, CopySpec.Verify spec, List<String> notes) {
        long writes = countNow - spec.sourceWritesBefore();
        if (writes == 0) {
            return;
        }
        // A count that went down belongs to a shard that restarted or moved: whether writes came is then unknown.
        String took = writes > 0
                ? "The source index " + index + " took " + (writes == 1 ? "1 write" : writes + " writes")
                        + " while it was copied; the target has it as the copy read it"
                : "The write count of the source index " + index + " went down while it was copied (a shard"
                        + " restarted or moved), so writes it may have taken cannot be ruled out; the target has it"
                        + " as the copy read it";
        if (!spec.sealSource()) {
            notes.add(took + ", and the source stays writable (\"afterCopy\": \"none\").");
            return;
        }
        throw new TaskFailedException(
                FailureReason.BAD_INPUT,
                took + ". The source now has a write block: stop whatever still writes to it (the old ClearML"
                        + " server) and copy the index again with \"ifTargetExists\": \"overwrite\".");
    }
}
