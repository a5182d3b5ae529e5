package com.clearmlmigrator.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Dockerfile read as its stages: each stage's base and instructions, continuation lines joined. */
record DockerfileStages(Map<String, Stage> stages) {

    record Instruction(String keyword, String arguments) {}

    record Stage(String name, String base, List<Instruction> instructions) {
        List<String> arguments(String keyword) {
            return instructions.stream()
                    .filter(instruction -> instruction.keyword().equals(keyword))
                    .map(Instruction::arguments)
                    .toList();
        }
    }

    static DockerfileStages parse(String dockerfile) {
        Map<String, Stage> stages = new LinkedHashMap<>();
        Stage current = null;
        for (String line : logicalLines(dockerfile)) {
            String[] parts = line.split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "");
            if (instruction.keyword().equals("FROM")) {
                String[] from = instruction.arguments().split("\\s+");
                String name = from.length >= 3 ? from[2] : "stage-" + stages.size();
                current = new Stage(name, from[0], new ArrayList<>());
                stages.put(name, current);
            } else if (current != null) {
                current.instructions().add(instruction);
            }
        }
        return new DockerfileStages(stages);
    }

    /** A stage's instructions after those of the stages it is built on, as the image has them. */
    List<Instruction> effective(String name) {
        Stage stage = stages.get(name);
        List<Instruction> instructions = new ArrayList<>(Optional.ofNullable(stages.get(stage.base()))
                .map(base -> effective(base.name()))
                .orElse(List.of()));
        instructions.addAll(stage.instructions());
        return instructions;
    }

    /** The last value an instruction of this keyword has in the image of a stage. */
    Optional<String> last(String name, String keyword) {
        List<Instruction> all = effective(name).stream()
                .filter(instruction -> instruction.keyword().equals(keyword))
                .toList();
        return all.isEmpty()
                ? Optional.empty()
                : Optional.of(all.get(all.size() - 1).arguments());
    }

    private static List<String> logicalLines(String dockerfile) {
        List<String> lines = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : dockerfile.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty() && pending.isEmpty()) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            lines.add(pending.toString().strip());
            pending.setLength(0);
        }
        return lines;
    }
}
