package com.clearmlmigrator.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.relink.FieldChange;
import com.clearmlmigrator.relink.JournalEntry;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The relink journal on the Mongo wire server: recording is insert-if-absent, and undo reads it in bounded batches. */
class MongoRelinkJournalTest {
    private MongoServer server;
    private String address;
    private MongoClient client;
    private MongoRelinkJournal journal;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        address = server.bindAndGetConnectionString();
        client = MongoClients.create(address);
        journal = new MongoRelinkJournal(client.getDatabase("migrator"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void entriesAreAskedToBeInMongoDbsOwnJournalBeforeItAnswers() {
        List<BsonDocument> inserts = new CopyOnWriteArrayList<>();
        CommandListener watch = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("insert")) {
                    inserts.add(event.getCommand());
                }
            }
        };
        try (MongoClient watched = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(address))
                .addCommandListener(watch)
                .build())) {
            new MongoRelinkJournal(watched.getDatabase("migrator"))
                    .record(List.of(new JournalEntry(
                            "m1",
                            "model",
                            "d1",
                            List.of(new FieldChange("uri", "uri", "http://old/a", "https://new/a")))));
        }

        assertThat(inserts)
                .singleElement()
                .satisfies(insert -> assertThat(insert.getDocument("writeConcern", new BsonDocument())
                                .getBoolean("j", BsonBoolean.FALSE)
                                .getValue())
                        .as("the write concern of %s", insert.toJson())
                        .isTrue());
    }

    @Test
    void aPlotOfTensOfMegabytesIsJournaledDeflatedAndReadBackWhole() {
        String before = "{\"cells\": [" + "\"http://old/sample.png\", ".repeat(1_000_000) + "\"end\"]}";
        String after = before.replace("http://old/", "https://new/");
        JournalEntry entry = new JournalEntry(
                "m1", "events-plot-c1", "p1", List.of(new FieldChange("plot_str", "plot_str", before, after)));

        journal.record(List.of(entry));

        assertThat(before.length()).isGreaterThan(20_000_000);
        JournalEntry read = journal.find("m1", "events-plot-c1", List.of("p1")).get("p1");
        assertThat(read.changes().get(0).before()).isEqualTo(before);
        assertThat(read.changes().get(0).after()).isEqualTo(after);
    }

    @Test
    void aValueTooLargeForMongoDbEvenDeflatedFailsItsTaskNamingTheDocument() {
        var random = new java.util.Random(7);
        StringBuilder noise = new StringBuilder();
        while (noise.length() < 24_000_000) {
            noise.append(Long.toString(random.nextLong(), 36));
        }
        JournalEntry entry = new JournalEntry(
                "m1", "events-plot-c1", "p2", List.of(new FieldChange("plot_str", "plot_str", noise.toString(), "x")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> journal.record(List.of(entry)))
                .isInstanceOfSatisfying(
                        com.clearmlmigrator.contracts.TaskFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(com.clearmlmigrator.contracts.FailureReason.BAD_INPUT))
                .hasMessageContaining("document p2")
                .hasMessageContaining("16 MB");
    }

    @Test
    void undoReadsOneMigrationsEntriesForOneTargetInBatchesOfAtMostTheSizeAsked() {
        journal.record(entries("m1", "task", 1234, "http://old/"));
        journal.record(entries("m1", "model", 10, "http://old/"));
        journal.record(entries("m2", "task", 10, "http://old/"));

        List<Integer> sizes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        journal.forEachBatch("m1", "task", 500, batch -> {
            sizes.add(batch.size());
            batch.forEach(entry -> ids.add(entry.documentId()));
        });

        assertThat(sizes).containsExactly(500, 500, 234);
        assertThat(ids)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 1234).mapToObj(i -> "d" + i).toList());
    }

    @Test
    void recordingAgainKeepsTheFirstPreviousValuesAndHandsThemBack() {
        assertThat(journal.record(entries("m1", "task", 3, "http://old/"))).isEmpty();
        Map<String, JournalEntry> kept = journal.record(entries("m1", "task", 5, "http://changed-since/"));

        assertThat(kept).containsOnlyKeys("d0", "d1", "d2");
        assertThat(kept.get("d2").changes().get(0).before()).isEqualTo("http://old/2");

        List<JournalEntry> all = new ArrayList<>();
        journal.forEachBatch("m1", "task", 100, all::addAll);

        assertThat(all).hasSize(5);
        assertThat(journal.find("m1", "task", List.of("d0", "d4")))
                .hasEntrySatisfying(
                        "d0", e -> assertThat(e.changes().get(0).before()).isEqualTo("http://old/0"))
                .hasEntrySatisfying(
                        "d4", e -> assertThat(e.changes().get(0).before()).isEqualTo("http://changed-since/4"));
    }

    @Test
    void aPartIsReadAloneBesideTargetsWhoseNamesStartLikeItsAndOtherMigrations() {
        journal.record(entries("m1", "task", 3, "http://old/"));
        journal.record(entries("m1", "task__trash", 2, "http://old/"));
        journal.record(entries("m1", "tas", 2, "http://old/"));
        journal.record(entries("m10", "task", 4, "http://old/"));
        journal.record(entries("m1", "task/x", 1, "http://old/"));

        List<JournalEntry> part = new ArrayList<>();
        journal.forEachBatch("m1", "task", 100, part::addAll);

        assertThat(part)
                .extracting(JournalEntry::migrationId, JournalEntry::target, JournalEntry::documentId)
                .containsExactlyInAnyOrder(
                        tuple("m1", "task", "d0"), tuple("m1", "task", "d1"), tuple("m1", "task", "d2"));
    }

    @Test
    void aTaskIsStartedForTheFirstTimeOnce() {
        assertThat(journal.markStarted("m1-0000")).isTrue();
        assertThat(journal.markStarted("m1-0001")).isTrue();
        assertThat(journal.markStarted("m1-0000")).isFalse();
    }

    @Test
    void anUndoneRelinkIsKnownByRelinkAndTargetAndMarkingItAgainIsHarmless() {
        assertThat(journal.isUndone("m1", "model")).isFalse();

        journal.markUndone("m1", "model");
        journal.markUndone("m1", "model");

        assertThat(journal.isUndone("m1", "model")).isTrue();
        assertThat(journal.isUndone("m1", "task")).isFalse();
        assertThat(journal.isUndone("m2", "model")).isFalse();
    }

    @Test
    void keepsRulesThatAreNotTheirPathAndRoutingAndStillReadsEntriesOfThePreviousShape() {
        journal.record(List.of(new JournalEntry(
                "m1",
                "events-plot-c1",
                "e/1",
                List.of(new FieldChange("execution.artifacts.*.uri", "execution.artifacts.a.uri", "http://old/a", "x")),
                "task-9")));
        // How entries were stored before: the document id and every rule in full, and a timestamp.
        client.getDatabase("migrator")
                .getCollection("relink_journal")
                .insertOne(new Document("_id", "m1/events-plot-c1/e2")
                        .append("migrationId", "m1")
                        .append("target", "events-plot-c1")
                        .append("documentId", "e2")
                        .append("routing", null)
                        .append(
                                "changes",
                                List.of(new Document("rule", "url")
                                        .append("path", "url")
                                        .append("before", "http://old/2")
                                        .append("after", "https://new/2")))
                        .append("recordedAt", new java.util.Date()));

        Map<String, JournalEntry> found = journal.find("m1", "events-plot-c1", List.of("e/1", "e2"));

        assertThat(found.get("e/1"))
                .isEqualTo(new JournalEntry(
                        "m1",
                        "events-plot-c1",
                        "e/1",
                        List.of(new FieldChange(
                                "execution.artifacts.*.uri", "execution.artifacts.a.uri", "http://old/a", "x")),
                        "task-9"));
        assertThat(found.get("e2"))
                .isEqualTo(new JournalEntry(
                        "m1",
                        "events-plot-c1",
                        "e2",
                        List.of(new FieldChange("url", "url", "http://old/2", "https://new/2")),
                        null));
    }

    @Test
    void aForgottenMigrationKeepsNoEntryAndTheFirstTimeItWasForgottenWhileOthersKeepTheirs() {
        MongoJournalForgetting forgetting = new MongoJournalForgetting(client.getDatabase("migrator"));
        journal.record(entries("m1", "model", 30, "http://old/"));
        journal.record(entries("m1", "events-plot-c1", 20, "http://old/"));
        journal.record(entries("m10", "model", 5, "http://old/"));
        journal.record(entries("m1-x", "model", 4, "http://old/"));
        assertThat(forgetting.entryCount("m1")).isEqualTo(50);
        // What an undo's plan counts: the entries of each collection and index.
        assertThat(forgetting.entryCount("m1", "model")).isEqualTo(30);
        assertThat(forgetting.entryCount("m1", "events-plot-c1")).isEqualTo(20);
        assertThat(forgetting.entryCount("m1", "task")).isZero();
        assertThat(forgetting.forgottenAt("m1")).isEmpty();

        assertThat(forgetting.forget("m1", Instant.parse("2026-12-06T18:35:06Z")))
                .isEqualTo(50);
        // Again, as a forget stopped midway is finished: nothing left to remove, and the first time stays.
        assertThat(forgetting.forget("m1", Instant.parse("2026-12-07T09:00:00Z")))
                .isZero();

        assertThat(forgetting.entryCount("m1")).isZero();
        assertThat(forgetting.forgottenAt("m1")).contains(Instant.parse("2026-12-06T18:35:06Z"));
        assertThat(forgetting.entryCount("m10")).isEqualTo(5);
        assertThat(forgetting.entryCount("m1-x")).isEqualTo(4);
        assertThat(forgetting.forgottenAt("m10")).isEmpty();
    }

    private static List<JournalEntry> entries(String migration, String target, int count, String before) {
        return IntStream.range(0, count)
                .mapToObj(i -> new JournalEntry(
                        migration,
                        target,
                        "d" + i,
                        List.of(new FieldChange("uri", "uri", before + i, "https://new/" + i))))
                .toList();
    }
}
