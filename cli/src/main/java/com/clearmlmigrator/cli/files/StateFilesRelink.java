package com.clearmlmigrator.cli.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.clearmlmigrator.cli.files.StateFilePlace.StateFile;
import com.clearmlmigrator.relink.LinkRewriter;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Relinks the dataset state files of one place (a file server's folder, a bucket), and undoes that: the part of a
 * relink that lies outside the databases, done by the command with the relink's prefixes and its id.
 */
public final class StateFilesRelink {
    private static final JsonFactory JSON = new JsonFactory();

    private final StateFilePlace place;

    public StateFilesRelink(StateFilePlace place) {
        this.place = place;
    }

    /** Rewrites every state file's links from {@code from} to {@code to}; a dry run only counts. */
    public StateFilesReport relink(String migrationId, String from, String to, boolean dryRun) {
        DatasetStateLinks links = new DatasetStateLinks(LinkRewriter.of(from, to));
        StateFileJournal journal = place.journal(migrationId);
        StateFilePlace.Found found = place.stateFiles();
        List<String> problems = new ArrayList<>(found.unreadable());
        int changedFiles = 0;
        DatasetStateLinks.Outcome total = DatasetStateLinks.Outcome.NONE;
        for (PerFile<DatasetStateLinks.Outcome> file : eachFile(found.names(), name -> {
            try (StateFile current = place.fetch(name)) {
                DatasetStateLinks.Outcome outcome = count(links, current);
                if (outcome.changed() > 0 && !dryRun) {
                    rewrite(links, current, journal);
                }
                return outcome;
            }
        })) {
            if (file.problem() != null) {
                problems.add(file.problem());
            } else {
                changedFiles += file.value().changed() > 0 ? 1 : 0;
                total = total.plus(file.value());
            }
        }
        return new StateFilesReport(
                place.description(),
                found.names().size(),
                changedFiles,
                total.changed(),
                total.alreadyNew(),
                problems,
                dryRun);
    }

    private static DatasetStateLinks.Outcome count(DatasetStateLinks links, StateFile file) throws IOException {
        try (JsonParser in = JSON.createParser(file.content().toFile())) {
            return links.count(in);
        }
    }

    /**
     * The file replaced by a relinked copy of its original, kept first; unless it was written meanwhile (a ClearML
     * server still running), whose write the copy would undo.
     */
    private void rewrite(DatasetStateLinks links, StateFile current, StateFileJournal journal) throws IOException {
        try (StateFile original = journal.keepOriginal(current)) {
            place.replace(
                    current,
                    FileReplacements.digest(original.content()),
                    out -> {
                        try (JsonParser in =
                                        JSON.createParser(original.content().toFile());
                                InputStream bytes = new BufferedInputStream(Files.newInputStream(original.content()))) {
                            links.relink(in, bytes, out);
                        }
                    },
                    digest -> journal.recordReplacement(current.name(), digest));
        }
    }

    /** Counts the origins the state files' links start with, for the operator choosing a relink's prefix. */
    public StateFilesCensus census() {
        StateFilePlace.Found found = place.stateFiles();
        Map<String, Long> origins = new HashMap<>();
        List<String> problems = new ArrayList<>(found.unreadable());
        for (PerFile<Map<String, Long>> file : eachFile(found.names(), name -> {
            Map<String, Long> its = new HashMap<>();
            try (StateFile stateFile = place.fetch(name);
                    JsonParser in = JSON.createParser(stateFile.content().toFile())) {
                DatasetStateLinks.origins(in, origin -> its.merge(origin, 1L, Long::sum));
            }
            return its;
        })) {
            if (file.problem() != null) {
                problems.add(file.problem());
            } else {
                file.value().forEach((origin, count) -> origins.merge(origin, count, Long::sum));
            }
        }
        return new StateFilesCensus(place.description(), found.names().size(), origins, problems);
    }

    /**
     * Puts back the original of every state file the relink changed, unless someone changed the file since (then it is
     * left, and named).
     */
    public StateFilesReport undo(String relinkId) {
        StateFileJournal journal = place.journal(relinkId);
        Map<String, String> changes;
        try {
            Optional<Instant> forgotten = journal.forgottenAt();
            if (forgotten.isPresent()) {
                return new StateFilesReport(
                        place.description(),
                        0,
                        0,
                        0,
                        0,
                        List.of("its journal was forgotten on " + forgotten.get()
                                + " (`forget`): the files keep the relink's links"),
                        false);
            }
            if (!journal.exists()) {
                return new StateFilesReport(place.description(), 0, 0, 0, 0, List.of(), false);
            }
            changes = journal.changes();
        } catch (IOException e) {
            return new StateFilesReport(place.description(), 0, 0, 0, 0, List.of("the journal: " + why(e)), false);
        }
        List<String> problems = new ArrayList<>();
        int restored = 0;
        int already = 0;
        for (PerFile<Boolean> file : eachFile(List.copyOf(changes.keySet()), name -> {
            try (StateFile current = place.fetch(name);
                    StateFile original = journal.original(name)) {
                String now = FileReplacements.digest(current.content());
                if (now.equals(FileReplacements.digest(original.content()))) {
                    return false;
                }
                if (!now.equals(changes.get(name))) {
                    throw new ChangedSinceException();
                }
                place.replace(current, now, out -> Files.copy(original.content(), out), digest -> {});
                return true;
            }
        })) {
            if (file.problem() != null) {
                problems.add(file.problem());
            } else if (file.value()) {
                restored++;
            } else {
                already++;
            }
        }
        return new StateFilesReport(place.description(), changes.size(), restored, 0, already, problems, false);
    }

    /** What was done with one file, or why it was left as it was. */
    private record PerFile<T>(T value, String problem) {}

    /** What is done with one file; what goes wrong is its problem. */
    private interface FileWork<T> {
        T on(String name) throws IOException;
    }

    /** The work on every file, a few at once where the place says that pays; results in the files' order. */
    private <T> List<PerFile<T>> eachFile(List<String> names, FileWork<T> work) {
        return EachFile.run(names, place.filesAtOnce(), name -> {
            try {
                return new PerFile<>(work.on(name), null);
            } catch (IOException | RuntimeException e) {
                return new PerFile<T>(null, name + ": " + why(e));
            }
        });
    }

    /** A file the relink changed that someone changed again since: restoring it would undo their change. */
    private static final class ChangedSinceException extends IOException {
        ChangedSinceException() {
            super("changed since the relink (the dataset was written again?)");
        }
    }

    /** Why a file was left as it was, in a few words; one file's surprise is named, never a stack trace. */
    static String why(Exception e) {
        if (e instanceof JsonProcessingException notJson) {
            return "not JSON (" + notJson.getOriginalMessage() + ")";
        }
        if (e instanceof RuntimeException) {
            return "failed (" + e + "); left as it is";
        }
        if (e instanceof WrittenMeanwhileException
                || e instanceof PlaceRefusedException
                || e instanceof ChangedSinceException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "no longer exists";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (run the command as the folder's owner, or with sudo)";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
