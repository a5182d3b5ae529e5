package com.clearmlmigrator.synthetic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.synthetic.ClearmlWorld.Company;
import com.clearmlmigrator.synthetic.ClearmlWorld.Project;
import com.clearmlmigrator.synthetic.ClearmlWorld.Task;

/**
 * The documents of ClearML's {@code backend} database for a world: tasks (artifacts as a map, and as the old list on
 * legacy tasks), reports, trashed tasks, models (metadata as a map or the old list), projects, queues, pending URL
 * deletions and the server's storage settings (buckets with credentials, no URL). URLs point at the spec's old file
 * server and bucket, with near-miss decoys that a correct relink must not touch (another port, another bucket, local
 * files, git URLs in {@code script}).
 */
public final class MongoDataset {
    public static final String DATABASE = "backend";
    /** ClearML keeps user credentials in a second database; ours holds no real secret. */
    public static final String AUTH_DATABASE = "auth";

    private static final Date CREATED = Date.from(Instant.parse("2023-05-02T10:11:12Z"));

    private final ClearmlWorld world;
    private final SeededIds ids;
    private final TaskDocuments tasks;

    public MongoDataset(ClearmlWorld world) {
        this.world = world;
        this.ids = new SeededIds(world.spec().seed() ^ 0x6d6f6e676fL);
        // The same ids: a task's document draws from them in turn with the rest, as it always did.
        this.tasks = new TaskDocuments(world.spec(), ids);
    }

    /** Collection name to its documents, in insertion order. */
    public Map<String, List<Map<String, Object>>> collections() {
        Map<String, List<Map<String, Object>>> collections = new LinkedHashMap<>();
        for (String name :
                List.of("project", "task", "task__trash", "model", "queue", "url_to_delete", "storage_settings")) {
            collections.put(name, new ArrayList<>());
        }
        for (Company company : world.companies()) {
            company.projects().forEach(p -> collections.get("project").add(project(company, p)));
            for (Task task : company.tasks()) {
                collections.get("task").add(tasks.task(company, task));
                collections.get("model").add(model(company, task));
            }
            Task first = company.tasks().get(0);
            collections.get("task__trash").add(trashedTask(company, first));
            collections.get("queue").add(queue(company));
            collections.get("url_to_delete").add(urlToDelete(company, first));
            collections.get("storage_settings").add(storageSettings(company));
        }
        return collections;
    }

    /** The documents of the {@code auth} database: one user per company, with a placeholder credential. */
    public Map<String, List<Map<String, Object>>> authCollections() {
        List<Map<String, Object>> users = new ArrayList<>();
        for (Company company : world.companies()) {
            Map<String, Object> user = base(company.tasks().get(0).user(), company);
            user.put("name", "synthetic user");
            user.put("role", "user");
            user.put("credentials", List.of(map("key", ids.hexId(), "secret", "not-a-real-secret")));
            users.add(user);
        }
        Map<String, List<Map<String, Object>>> collections = new LinkedHashMap<>();
        collections.put("user", users);
        collections.put("versions", List.of(map("_id", "auth", "num", "1.0.0")));
        return collections;
    }

    private Map<String, Object> project(Company company, Project project) {
        Map<String, Object> doc = base(project.id(), company);
        doc.put("name", project.name());
        doc.put("basename", project.name());
        doc.put("default_output_destination", world.spec().bucket() + "/clearml");
        doc.put(
                "description",
                "Overview: see ![arch](" + world.spec().file(project.name() + "/arch.png") + ") and "
                        + "[the old dashboard](http://files.old.lan:80810/" + project.name() + ")");
        return doc;
    }

    private Map<String, Object> model(Company company, Task task) {
        Map<String, Object> doc = base(ids.hexId(), company);
        doc.put("name", task.name() + " - best");
        doc.put("task", task.id());
        doc.put("project", task.project().id());
        doc.put("framework", "PyTorch");
        doc.put("uri", modelUri(task));
        doc.put("design", map("design", "resnet50, dropout 0.2"));
        doc.put("ready", true);
        Map<String, Object> source =
                map("key", "source", "type", "str", "value", world.spec().bucket() + "/exports/best.onnx");
        doc.put("metadata", task.legacyShape() ? List.of(source) : map("source", source));
        return doc;
    }

    /** Most models live on the old file server; a few are decoys that only look similar. */
    private String modelUri(Task task) {
        return switch (ids.between(0, 10)) {
            case 0 -> "http://files.old.lan:80810/" + task.storagePath() + "/models/best.pt";
            case 1 -> "file:///home/ana/runs/" + task.id() + "/best.pt";
            case 2 -> world.spec().bucket() + "-2/models/" + task.id() + "/best.pt";
            case 3 -> world.spec().bucket() + "/models/" + task.id() + "/best.pt";
            default -> world.spec().file(task.storagePath() + "/models/best.pt");
        };
    }

    private Map<String, Object> trashedTask(Company company, Task task) {
        Map<String, Object> doc = tasks.task(company, task);
        doc.put("_id", ids.hexId());
        doc.put("name", task.name() + " (deleted)");
        return doc;
    }

    private Map<String, Object> queue(Company company) {
        Map<String, Object> doc = base(ids.hexId(), company);
        doc.put("name", "default");
        doc.put(
                "metadata",
                map(
                        "cache",
                        map("key", "cache", "type", "str", "value", world.spec().file("queue-cache/"))));
        return doc;
    }

    private Map<String, Object> urlToDelete(Company company, Task task) {
        Map<String, Object> doc = base(ids.hexId(), company);
        doc.put("url", world.spec().file(task.storagePath()));
        doc.put("task", task.id());
        doc.put("storage_type", "fileserver");
        doc.put("type", "folder");
        doc.put("status", "created");
        doc.put("retry_count", 0);
        return doc;
    }

    /**
     * The buckets the server deletes from with its own credentials (ClearML 1.17+): the old bucket and its near-miss
     * ({@code old-bucket-2}). One per company, keyed by it; its id taken from the company so that the ids of everything
     * seeded before this collection existed stay as they were.
     */
    private Map<String, Object> storageSettings(Company company) {
        Map<String, Object> doc = base(company.id(), company);
        String bucket = world.spec().bucket().replaceFirst("^s3://", "");
        doc.put(
                "aws",
                map(
                        "key",
                        "",
                        "buckets",
                        List.of(
                                map("bucket", bucket, "key", "synthetic-key", "secret", "synthetic-secret"),
                                map("bucket", bucket + "-2", "key", "synthetic-key-2", "secret", "synthetic-secret"))));
        return doc;
    }

    static Map<String, Object> base(String id, Company company) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("_id", id);
        doc.put("company", company.id());
        doc.put("created", CREATED);
        return doc;
    }

    /** An insertion-ordered map from alternating keys and values. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
