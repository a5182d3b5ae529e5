package com.clearmlmigrator.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * The skeleton both stores share: companies, projects and tasks with their ids, names and URL prefixes, so the Mongo
 * documents and the Elasticsearch events of one dataset refer to the same tasks.
 */
public record ClearmlWorld(DatasetSpec spec, List<Company> companies) {

    /** One company with its projects and tasks. */
    public record Company(String id, List<Project> projects, List<Task> tasks) {}

    /** One project. */
    public record Project(String id, String name) {}

    /**
     * One task.
     *
     * @param legacyShape true for a task written by a server of the ES 5.6 era: artifacts as a list, model metadata as a
     *     list
     */
    public record Task(String id, String name, Project project, String user, boolean legacyShape, boolean report) {
        /** The URL-quoted storage prefix the SDK builds for this task's files. */
        public String storagePath() {
            return project.name() + "/" + name.replace(" ", "%20") + "." + id;
        }
    }

    /** Builds the skeleton deterministically from the spec. */
    public static ClearmlWorld generate(DatasetSpec spec) {
        SeededIds ids = new SeededIds(spec.seed());
        List<Company> companies = new ArrayList<>();
        for (int c = 0; c < spec.companies(); c++) {
            List<Project> projects = List.of(new Project(ids.hexId(), "Vision"), new Project(ids.hexId(), "NLP Lab"));
            List<Task> tasks = new ArrayList<>();
            String user = ids.hexId();
            for (int t = 0; t < spec.tasksPerCompany(); t++) {
                Project project = projects.get(t % projects.size());
                String name = ids.pick(List.of("train resnet", "eval", "sweep lr", "prep data")) + " " + t;
                tasks.add(new Task(ids.hexId(), name, project, user, t % 3 == 0, t % 7 == 6));
            }
            companies.add(new Company(c == 0 ? "d1bd92a3b039400cbafc60a7a5b1e52b" : ids.hexId(), projects, tasks));
        }
        return new ClearmlWorld(spec, List.copyOf(companies));
    }
}
