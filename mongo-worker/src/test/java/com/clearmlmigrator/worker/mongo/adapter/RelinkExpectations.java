package com.clearmlmigrator.worker.mongo.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.bson.Document;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.FieldTally;
import com.clearmlmigrator.contracts.IdRange;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskReport;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.stores.MongoConnections;
import com.clearmlmigrator.stores.MongoRelinkJournal;
import com.clearmlmigrator.stores.TrustedAuthorities;
import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.MongoDataset;
import com.clearmlmigrator.synthetic.MongoSeeder;
import com.clearmlmigrator.worker.runtime.ProgressBeacon;
import com.clearmlmigrator.worker.runtime.RunningTasks;
import com.clearmlmigrator.worker.runtime.TaskCancelledException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The same relink checks against any MongoDB: the wire server here, real images where Docker runs. */
final class RelinkExpectations {
    private static final String OLD = "http://files.old.lan:8081/";
    private static final String NEW = "http://files.old.lan:8081/moved/";

    private RelinkExpectations() {}

    static void relinkRewritesModelUrisOnceEvenWhenReplayed(String uri) {
        seedClearmlDatabase(uri);
        try (MongoClient client = MongoClients.create(uri);
                MongoConnections connections = connectionsToUsersStores()) {
            long oldBefore = countStartingWith(client, OLD) - countStartingWith(client, NEW);
            MongoRelinker relinker = new MongoRelinker(
                    connections, new MongoRelinkJournal(client.getDatabase("clearml_migrator")), new RunningTasks());
            MigrationTask task = modelRelink(uri);

            RelinkReport first = relinker.relink(task);
            RelinkReport replay = relinker.relink(task);

            FieldTally uris = first.fields().get(0);
            assertThat(oldBefore).isPositive();
            assertThat(uris.matched()).isEqualTo(oldBefore);
            assertThat(uris.changed()).isEqualTo(oldBefore);
            assertThat(uris.remaining()).isZero();
            assertThat(replay.fields().get(0).changed()).isEqualTo(oldBefore);
            assertThat(countStartingWith(client, NEW + "moved/")).isZero();
            assertThat(countStartingWith(client, NEW)).isEqualTo(oldBefore);
        }
    }

    /**
     * The same relink submitted again as a new migration, by an operator unsure whether the first one ran: the new
     * prefix extends the old one, so every value the first one wrote still starts with the old prefix, and stays; the
     * second counts them as already under the new prefix, which is how its operator learns the work was done.
     */
    static void theSameRelinkSubmittedAgainChangesNothing(String uri) {
        seedClearmlDatabase(uri);
        try (MongoClient client = MongoClients.create(uri);
                MongoConnections connections = connectionsToUsersStores()) {
            MongoRelinker relinker = new MongoRelinker(
                    connections, new MongoRelinkJournal(client.getDatabase("clearml_migrator")), new RunningTasks());
            RelinkReport first = relinker.relink(modelRelink(uri, "first"));

            RelinkReport again = relinker.relink(modelRelink(uri, "again"));

            assertThat(first.fields().get(0).changed()).isPositive();
            assertThat(again.fields().get(0).matched()).isZero();
            assertThat(again.fields().get(0).changed()).isZero();
            assertThat(again.fields().get(0).remaining()).isZero();
            assertThat(first.fields().get(0).alreadyNew()).isZero();
            assertThat(again.fields().get(0).alreadyNew())
                    .isEqualTo(first.fields().get(0).changed());
            assertThat(countStartingWith(client, NEW + "moved/")).isZero();
            assertThat(countStartingWith(client, NEW))
                    .isEqualTo(first.fields().get(0).changed());
        }
    }

    /**
     * A relink cancelled at its first count, once it has written its first batch: the cancellation carries a report of
     * that batch, so that the cancelled migration's report counts what the part changed before it stopped.
     */
    static void aRelinkCancelledPartWayReportsWhatItChangedUntilThen(String uri) {
        relinkEndedAtItsFirstCount(
                uri,
                () -> new TaskCancelledException("its migration was cancelled"),
                TaskCancelledException.class,
                TaskCancelledException::soFar);
    }

    /**
     * A relink whose store goes away once it has written its first batch: the failure carries a report of that batch,
     * so that the migration's report counts what the failed part changed, which its undo restores.
     */
    static void aRelinkThatFailsPartWayReportsWhatItChangedUntilThen(String uri) {
        relinkEndedAtItsFirstCount(
                uri,
                () -> new TaskFailedException(FailureReason.TARGET_UNAVAILABLE, "MongoDB went away."),
                TaskFailedException.class,
                TaskFailedException::soFar);
    }

    /** A relink that {@code ending} ends at its first count: what ended it reports the values it had rewritten. */
    private static <E extends RuntimeException> void relinkEndedAtItsFirstCount(
            String uri, Supplier<E> ending, Class<E> type, Function<E, TaskReport> soFar) {
        seedClearmlDatabase(uri);
        try (MongoClient client = MongoClients.create(uri);
                MongoConnections connections = connectionsToUsersStores()) {
            ProgressBeacon endingAtTheFirstCount = task -> documents -> {
                throw ending.get();
            };
            MongoRelinker relinker = new MongoRelinker(
                    connections, new MongoRelinkJournal(client.getDatabase("clearml_migrator")), endingAtTheFirstCount);

            assertThatThrownBy(() -> relinker.relink(modelRelink(uri)))
                    .isInstanceOfSatisfying(
                            type,
                            ended -> assertThat(((RelinkReport) soFar.apply(ended))
                                            .fields()
                                            .get(0)
                                            .changed())
                                    .as("the values the part rewrote before it ended")
                                    .isPositive()
                                    .isEqualTo(countStartingWith(client, NEW)));
        }
    }

    /**
     * A folder whose name has a space, as a model's URI keeps it and as a debug-image URL quotes it: a relink given
     * the folder as typed rewrites both, each in its own spelling, and leaves a folder that only starts alike.
     */
    static void bothSpellingsOfAPathWithASpaceAreRewrittenEachInItsOwn(String uri) {
        String database = "backend_spellings";
        try (MongoClient client = MongoClients.create(uri);
                MongoConnections connections = connectionsToUsersStores()) {
            var models = client.getDatabase(database).getCollection("model");
            models.insertMany(List.of(
                    new Document("_id", "raw").append("uri", "file:///mnt/my data/P/t.1/models/a.pt"),
                    new Document("_id", "quoted").append("uri", "file:///mnt/my%20data/P/t.1/models/b.pt"),
                    new Document("_id", "other").append("uri", "file:///mnt/my data2/c.pt")));
            MongoRelinker relinker = new MongoRelinker(
                    connections, new MongoRelinkJournal(client.getDatabase("clearml_migrator")), new RunningTasks());
            MigrationTask task = new MigrationTask(
                    new TaskId("spellings", 0),
                    TaskType.RELINK_COLLECTION,
                    "model",
                    new MongoEndpoint(uri, database),
                    null,
                    new RelinkSpec("file:///mnt/my data/", "file:///mnt/new data/", false, List.of(), List.of()),
                    IdRange.ALL,
                    null);

            FieldTally uris = relinker.relink(task).fields().get(0);

            assertThat(uris.matched()).isEqualTo(2);
            assertThat(uris.changed()).isEqualTo(2);
            assertThat(uris.remaining()).isZero();
            assertThat(models.find(new Document("_id", "raw")).first().getString("uri"))
                    .isEqualTo("file:///mnt/new data/P/t.1/models/a.pt");
            assertThat(models.find(new Document("_id", "quoted")).first().getString("uri"))
                    .isEqualTo("file:///mnt/new%20data/P/t.1/models/b.pt");
            assertThat(models.find(new Document("_id", "other")).first().getString("uri"))
                    .isEqualTo("file:///mnt/my data2/c.pt");
        }
    }

    private static void seedClearmlDatabase(String uri) {
        new MongoSeeder(uri)
                .seed(
                        MongoDataset.DATABASE,
                        new MongoDataset(ClearmlWorld.generate(DatasetSpec.of(5, 1, 30))).collections());
    }

    private static MongoConnections connectionsToUsersStores() {
        return new MongoConnections(Duration.ofSeconds(10), TrustedAuthorities.jvmOnly());
    }

    private static MigrationTask modelRelink(String uri) {
        return modelRelink(uri, "job");
    }

    private static MigrationTask modelRelink(String uri, String migrationId) {
        return new MigrationTask(
                new TaskId(migrationId, 0),
                TaskType.RELINK_COLLECTION,
                "model",
                new MongoEndpoint(uri, MongoDataset.DATABASE),
                null,
                new RelinkSpec(OLD, NEW, false, List.of(), List.of()),
                IdRange.ALL,
                null);
    }

    private static long countStartingWith(MongoClient client, String prefix) {
        return client
                .getDatabase(MongoDataset.DATABASE)
                .getCollection("model")
                .find()
                .into(new java.util.ArrayList<Document>())
                .stream()
                .filter(m -> m.getString("uri").startsWith(prefix))
                .count();
    }
}
