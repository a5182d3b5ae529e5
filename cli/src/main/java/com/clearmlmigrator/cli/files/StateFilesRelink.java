package com.clearmlmigrator.cli.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        for (String name : found.names()) {
            try (StateFile current = place.fetch(name)) {
                DatasetStateLinks.Outcome outcome = count(links, current);
                if (outcome.changed() > 0 && !dryRun) {
                    rewrite(links, current, journal);
                }
                changedFiles += outcome.changed() > 0 ? 1 : 0;
                total = total.plus(outcome);
            } catch (IOException | RuntimeException e) {
                problems.add(name + ": " + why(e));
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
        for (String name : found.names()) {
            try (StateFile file = place.fetch(name);
                    JsonParser in = JSON.createParser(file.content().toFile())) {
                DatasetStateLinks.origins(in, origin -> origins.merge(origin, 1L, Long::sum));
            } catch (IOException | RuntimeException e) {
                problems.add(name + ": " + why(e));
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
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String name = change.getKey();
            try (StateFile current = place.fetch(name);
                    StateFile original = journal.original(name)) {
                String now = FileReplacements.digest(current.content());
                if (now.equals(FileReplacements.digest(original.content()))) {
                    already++;
                } else if (now.equals(change.getValue())) {
                    place.replace(current, now, out -> Files.copy(original.content(), out), digest -> {});
                    restored++;
                } else {
                    problems.add(name + ": changed since the relink (the dataset was written again?)");
                }
            } catch (IOException | RuntimeException e) {
                problems.add(name + ": " + why(e));
            }
        }
        return new StateFilesReport(place.description(), changes.size(), restored, 0, already, problems, false);
    }

    /** Why a file was left as it was, in a few words; one file's surprise is named, never a stack trace. */
    private static String why(Exception e) {
        if (e instanceof JsonProcessingException notJson) {
            return "not JSON (" + notJson.getOriginalMessage() + ")";
        }
        if (e instanceof RuntimeException) {
            return "failed (" + e + "); left as it is";
        }
        if (e instanceof WrittenMeanwhileException || e instanceof PlaceRefusedException) {
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
