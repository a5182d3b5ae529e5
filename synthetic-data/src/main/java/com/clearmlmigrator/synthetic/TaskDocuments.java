package com.clearmlmigrator.synthetic;

import static com.clearmlmigrator.synthetic.MongoDataset.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.synthetic.ClearmlWorld.Company;
import com.clearmlmigrator.synthetic.ClearmlWorld.Task;

/** The {@code task} documents of {@link MongoDataset}, with their artifacts, hyperparameters and reports. */
record TaskDocuments(DatasetSpec spec, SeededIds ids) {
    /** A task's document: artifacts as a map, or as the old list on legacy tasks; a report's text and assets. */
    Map<String, Object> task(Company company, Task task) {
        Map<String, Object> doc = MongoDataset.base(task.id(), company);
        doc.put("name", task.name());
        doc.put("user", task.user());
        doc.put("project", task.project().id());
        doc.put("type", task.report() ? "report" : "training");
        doc.put("status", "completed");
        doc.put("output", map("destination", spec.fileServer(), "result", "success"));
        List<Map<String, Object>> artifacts = artifacts(task);
        doc.put(
                "execution",
                map("queue", ids.hexId(), "artifacts", task.legacyShape() ? artifacts : byArtifactId(artifacts)));
        doc.put(
                "script",
                map(
                        "repository", "https://github.com/acme/vision.git",
                        "entry_point", "train.py",
                        // Never storage: a relink must leave script text alone even when it holds the old URL.
                        "diff", "+ DATA = '" + spec.file("datasets/raw.csv") + "'"));
        doc.put("hyperparams", hyperparams());
        doc.put("configuration", configuration());
        if (task.report()) {
            String image = spec.file("Reports/" + task.storagePath() + "/confusion.png");
            doc.put(
                    "report",
                    "# Results\n![cm](" + image + ")\n<iframe src=\"http://files.old.lan:8080/widgets/?objects="
                            + task.id() + "\"></iframe>\nSee also " + image);
            doc.put("report_assets", List.of(image));
        }
        return doc;
    }

    /** A hyperparameter that names the old bucket: opt-in for a relink. */
    private Map<String, Object> hyperparams() {
        return map(
                "Args",
                map(
                        "data_root",
                        map(
                                "section",
                                "Args",
                                "name",
                                "data_root",
                                "value",
                                spec.bucket() + "/datasets/raw/v3",
                                "type",
                                "str")));
    }

    /** A configuration whose text names a file on the old file server: opt-in for a relink. */
    private Map<String, Object> configuration() {
        return map(
                "General",
                map(
                        "name",
                        "General",
                        "type",
                        "dictionary",
                        "value",
                        "{\"weights\": \"" + spec.file("weights/init.pt") + "\"}"));
    }

    private List<Map<String, Object>> artifacts(Task task) {
        List<Map<String, Object>> artifacts = new ArrayList<>();
        int count = ids.between(1, 4);
        for (int i = 0; i < count; i++) {
            String key =
                    List.of("predictions", "metrics", "data-sample", "config").get(i);
            artifacts.add(map(
                    "key",
                    key,
                    "type",
                    "pandas",
                    "mode",
                    "output",
                    "uri",
                    spec.file(task.storagePath() + "/artifacts/" + key + "/" + key + ".csv.gz"),
                    "hash",
                    ids.hexId(),
                    "content_size",
                    (long) ids.between(1_000, 90_000),
                    "timestamp",
                    1_683_022_272L + i,
                    "type_data",
                    map("preview", "   id  label\n0   1    cat", "content_type", "text/csv")));
        }
        String link = spec.bucket() + "/datasets/raw/v" + ids.between(1, 9) + "/";
        artifacts.add(map(
                "key",
                "raw-data-link",
                "type",
                "custom",
                "mode",
                "output",
                "uri",
                link,
                "timestamp",
                1_683_022_280L,
                "type_data",
                map("preview", link)));
        return artifacts;
    }

    /** ClearML keys map-shaped artifacts by md5(key) + "_" + mode. */
    private static Map<String, Object> byArtifactId(List<Map<String, Object>> artifacts) {
        Map<String, Object> byId = new LinkedHashMap<>();
        for (Map<String, Object> artifact : artifacts) {
            byId.put(SeededIds.eventId(artifact.get("key")) + "_" + artifact.get("mode"), artifact);
        }
        return byId;
    }
}
