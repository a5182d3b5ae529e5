package com.clearmlmigrator.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class FileServerDatasetTest {
    private static final ClearmlWorld WORLD = ClearmlWorld.generate(DatasetSpec.of(42, 2, 5));

    @Test
    void eachProjectOfEachCompanyHasADatasetLinkingToTheOldFileServerTheOldBucketAndItsNearMiss(@TempDir Path folder)
            throws IOException {
        int written = new FileServerDataset(WORLD).writeTo(folder);

        List<Path> states = stateFiles(folder);
        assertThat(written).isEqualTo(4);
        assertThat(states).hasSize(4);
        JsonNode state = new ObjectMapper().readTree(states.get(0).toFile());
        assertThat(state.path("dataset_link_entries").findValuesAsText("link"))
                .containsExactly(
                        "http://files.old.lan:8081/shared/raw/frame-0.png",
                        "http://files.old.lan:8081/shared/raw/frame-1.png",
                        "s3://old-bucket/datasets/raw/labels.csv",
                        "s3://old-bucket/datasets/raw/meta.json",
                        "s3://old-bucket-2/datasets/raw/extra.csv");
        assertThat(states.get(0).toString())
                .contains("/.datasets/raw/raw." + state.path("id").asText() + "/artifacts/state/state.json");
    }

    @Test
    void theSameWorldWritesTheSameFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        new FileServerDataset(WORLD).writeTo(first);
        new FileServerDataset(WORLD).writeTo(second);

        assertThat(stateFiles(first).stream().map(first::relativize))
                .containsExactlyElementsOf(
                        stateFiles(second).stream().map(second::relativize).toList());
    }

    private static List<Path> stateFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().equals("state.json"))
                    .sorted()
                    .toList();
        }
    }
}
