package com.clearmlmigrator.planner.undo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationConflictException;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationOrder;
import com.clearmlmigrator.planner.migration.RequestRules;

class UndoRequestsTest {
    private static final Instant NOW = Instant.parse("2026-12-03T17:00:00Z");
    private static final MongoEndpoint MONGO = new MongoEndpoint("mongodb://mongo:27017", "backend");
    private static final RelinkSpec SPEC =
            new RelinkSpec("http://old:8081/", "http://new:8081/", false, List.of(), List.of());

    private final Migration relink = migration("r1", MigrationKind.RELINK, SPEC, MigrationStatus.SUCCEEDED);

    @Test
    void aRelinkNeverUndoneIsUndoneByAnOrderThatNamesIt() {
        MigrationOrder order = UndoRequests.order(relink, List.of(), null, null);

        assertThat(order.kind()).isEqualTo(MigrationKind.UNDO);
        assertThat(order.relink().undoOf()).isEqualTo("r1");
        assertThat(order.mongo()).isEqualTo(MONGO);
    }

    @Test
    void aRelinkAlreadyUndoneIsRefusedNamingTheUndo() {
        Migration undone = undo("u1", MigrationStatus.SUCCEEDED);

        assertThatThrownBy(() -> UndoRequests.order(relink, List.of(undone), null, null))
                .isInstanceOf(MigrationConflictException.class)
                .hasMessage("Migration r1 was undone by migration u1, which succeeded: every value it changed is back."
                        + " There is nothing left to undo.");
    }

    @Test
    void anUndoUnderWayIsNamedInsteadOfStartingASecond() {
        assertThatThrownBy(() -> UndoRequests.order(relink, List.of(undo("u1", MigrationStatus.RUNNING)), null, null))
                .isInstanceOf(MigrationConflictException.class)
                .hasMessage("Migration u1 is already undoing migration r1 and is RUNNING; follow it, or cancel it"
                        + " first.");
        assertThatThrownBy(() -> UndoRequests.order(relink, List.of(undo("u1", MigrationStatus.PAUSED)), null, null))
                .hasMessageContaining("is PAUSED; retry it once the block is lifted, or cancel it first.");
    }

    @Test
    void aRelinkWhoseJournalWasForgottenIsNotUndoneAndOneWhoseJournalIsKeptIs() {
        assertThatThrownBy(() -> UndoRequests.checkJournalKept(relink, Optional.of(NOW)))
                .isInstanceOf(MigrationConflictException.class)
                .hasMessage("The journal of relink r1 was forgotten on 2026-12-03T17:00:00Z (`forget`): the values it"
                        + " changed can no longer be restored. Relink from the new prefix to the old one instead.");
        UndoRequests.checkJournalKept(relink, Optional.empty());
    }

    @Test
    void aRelinkWithAnUndoIsNotRetriedAndOneWithoutIs() {
        Migration withErrors = migration("r2", MigrationKind.RELINK, SPEC, MigrationStatus.COMPLETED_WITH_ERRORS);

        UndoRequests.checkRetry(withErrors, List.of(), Optional.empty());
        assertThatThrownBy(() -> UndoRequests.checkRetry(
                        withErrors, List.of(undo("u1", MigrationStatus.CANCELLED)), Optional.empty()))
                .isInstanceOf(MigrationConflictException.class)
                .hasMessage("Migration r2 was undone by migration u1 (CANCELLED); a relink is not retried after its"
                        + " undo. Start a new relink instead.");
    }

    @Test
    void aRelinkWhoseJournalWasForgottenIsNotRetried() {
        Migration withErrors = migration("r2", MigrationKind.RELINK, SPEC, MigrationStatus.COMPLETED_WITH_ERRORS);

        assertThatThrownBy(() -> UndoRequests.checkRetry(withErrors, List.of(), Optional.of(NOW)))
                .isInstanceOf(MigrationConflictException.class)
                .hasMessage("The journal of relink r2 was forgotten on 2026-12-03T17:00:00Z (`forget`), and what a"
                        + " retry changed could not be undone. Start a new relink with the same prefixes instead: it"
                        + " changes only what is left, and keeps a journal of its own.");
    }

    @Test
    void anUndoThatDidNotFinishMayBeFollowedByAnother() {
        List<Migration> unfinished = List.of(
                undo("u1", MigrationStatus.CANCELLED),
                undo("u2", MigrationStatus.FAILED),
                undo("u3", MigrationStatus.COMPLETED_WITH_ERRORS));

        assertThat(UndoRequests.order(relink, unfinished, null, null).relink().undoOf())
                .isEqualTo("r1");
    }

    private static Migration undo(String id, MigrationStatus status) {
        return migration(id, MigrationKind.UNDO, SPEC.undoing("r1"), status);
    }

    private static Migration migration(String id, MigrationKind kind, RelinkSpec spec, MigrationStatus status) {
        return Migration.accepted(id, RequestRules.order(kind, MONGO, null, spec), NOW)
                .withStatus(status, NOW);
    }
}
