package com.clearmlmigrator.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Dataset state files as ClearML's SDK leaves them in the file server's folder: one dataset per project of each
 * company, at {@code <project>/.datasets/<name>/<name>.<id>/artifacts/state/state.json}, each with files it holds and
 * files it only links to ({@code add_external_files}): on the old file server, in the old bucket, and in its near-miss
 * {@code <bucket>-2}, which a relink of the bucket must leave.
 */
public final class FileServerDataset {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClearmlWorld world;

    public FileServerDataset(ClearmlWorld world) {
        this.world = world;
    }

    /** Writes the state files under {@code folder}; returns how many. The same world writes the same files. */
    public int writeTo(Path folder) throws IOException {
        Map<String, byte[]> files = stateFiles();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        return files.size();
    }

    /** Each state file's content by its path below the file server's folder (or a bucket's), in the order written. */
    public Map<String, byte[]> stateFiles() throws IOException {
        SeededIds ids = new SeededIds(world.spec().seed() + 7);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (ClearmlWorld.Company company : world.companies()) {
            for (ClearmlWorld.Project project : company.projects()) {
                String id = ids.hexId();
                files.put(
                        project.name() + "/.datasets/raw/raw." + id + "/artifacts/state/state.json",
                        JSON.writeValueAsBytes(state(id)));
            }
        }
        return files;
    }

    private Map<String, Object> state(String id) {
        List<String> links = List.of(
                world.spec().file("shared/raw/frame-0.png"),
                world.spec().file("shared/raw/frame-1.png"),
                world.spec().bucket() + "/datasets/raw/labels.csv",
                world.spec().bucket() + "/datasets/raw/meta.json",
                world.spec().bucket() + "-2/datasets/raw/extra.csv");
        List<Map<String, Object>> linkEntries = new ArrayList<>();
        for (String link : links) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("link", link);
            entry.put("relative_path", "external/" + link.substring(link.lastIndexOf('/') + 1));
            entry.put("parent_dataset_id", id);
            entry.put("size", 1024);
            linkEntries.add(entry);
        }
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("relative_path", "readme.txt");
        held.put("hash", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        held.put("parent_dataset_id", id);
        held.put("size", 4);
        held.put("artifact_name", "data");
        held.put("local_path", null);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("file_count", links.size() + 1);
        state.put("total_size", links.size() * 1024 + 4);
        state.put("dataset_file_entries", List.of(held));
        state.put("dataset_link_entries", linkEntries);
        state.put("dependency_graph", Map.of(id, List.of()));
        state.put("id", id);
        state.put("dirty", false);
        return state;
    }
}
