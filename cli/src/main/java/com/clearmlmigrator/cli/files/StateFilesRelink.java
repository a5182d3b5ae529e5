package com.clearmlmigrator.cli.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.clearmlmigrator.relink.LinkRewriter;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Relinks the dataset state files of a file server's folder, and undoes that: the part of a relink that lies outside
 * the databases, done by the command on the host that has the folder, with the relink's prefixes and its id.
 */
public final class StateFilesRelink {
    private static final JsonFactory JSON = new JsonFactory();

    private final FileServerFolder folder;
    private final Consumer<Path> whileRewriting;

    public StateFilesRelink(FileServerFolder folder) {
        this(folder, file -> {});
    }

    /** @param whileRewriting called with each file while its replacement is ready and not yet in place (for tests) */
    StateFilesRelink(FileServerFolder folder, Consumer<Path> whileRewriting) {
        this.folder = folder;
        this.whileRewriting = whileRewriting;
    }

    /** Rewrites every state file's links from {@code from} to {@code to}; a dry run only counts. */
    public StateFilesReport relink(String migrationId, String from, String to, boolean dryRun) {
        DatasetStateLinks links = new DatasetStateLinks(LinkRewriter.of(from, to));
        StateFileJournal journal = new StateFileJournal(folder.journal(migrationId));
        FileServerFolder.Found found = folder.stateFiles();
        List<Path> files = found.stateFiles();
        List<String> problems = new ArrayList<>(found.unreadable());
        int changedFiles = 0;
        DatasetStateLinks.Outcome total = DatasetStateLinks.Outcome.NONE;
        for (Path file : files) {
            String relative = folder.relative(file);
            try {
                DatasetStateLinks.Outcome outcome = count(links, file);
                if (outcome.changed() > 0 && !dryRun) {
                    rewrite(links, file, relative, journal);
                }
                changedFiles += outcome.changed() > 0 ? 1 : 0;
                total = total.plus(outcome);
            } catch (JsonProcessingException e) {
                problems.add(relative + ": not JSON (" + e.getOriginalMessage() + ")");
            } catch (IOException e) {
                problems.add(relative + ": " + why(e));
            }
        }
        return new StateFilesReport(
                folder.root(), files.size(), changedFiles, total.changed(), total.alreadyNew(), problems, dryRun);
    }

    private static DatasetStateLinks.Outcome count(DatasetStateLinks links, Path file) throws IOException {
        try (JsonParser in = JSON.createParser(file.toFile())) {
            return links.count(in);
        }
    }

    /**
     * The file replaced by a relinked copy of its original, kept first; unless it was written meanwhile (a ClearML
     * server still running), whose write the copy would undo.
     */
    private void rewrite(DatasetStateLinks links, Path file, String relative, StateFileJournal journal)
            throws IOException {
        Path original = journal.keepOriginal(relative, file);
        try (FileReplacements.Replacement replacement = FileReplacements.prepare(file, out -> {
            try (JsonParser in = JSON.createParser(original.toFile());
                    InputStream bytes = new BufferedInputStream(Files.newInputStream(original))) {
                links.relink(in, bytes, out);
            }
        })) {
            whileRewriting.accept(file);
            if (!FileReplacements.digest(file).equals(FileReplacements.digest(original))) {
                throw new WrittenMeanwhileException();
            }
            journal.recordReplacement(relative, replacement.digest());
            replacement.commit();
        }
    }

    /** Counts the origins the state files' links start with, for the operator choosing a relink's prefix. */
    public StateFilesCensus census() {
        FileServerFolder.Found found = folder.stateFiles();
        List<Path> files = found.stateFiles();
        Map<String, Long> origins = new HashMap<>();
        List<String> problems = new ArrayList<>(found.unreadable());
        for (Path file : files) {
            try {
                try (JsonParser in = JSON.createParser(file.toFile())) {
                    DatasetStateLinks.origins(in, origin -> origins.merge(origin, 1L, Long::sum));
                }
            } catch (JsonProcessingException e) {
                problems.add(folder.relative(file) + ": not JSON (" + e.getOriginalMessage() + ")");
            } catch (IOException e) {
                problems.add(folder.relative(file) + ": " + why(e));
            }
        }
        return new StateFilesCensus(folder.root(), files.size(), origins, problems);
    }

    /**
     * Puts back the original of every state file the relink changed, unless someone changed the file since (then it is
     * left, and named).
     */
    public StateFilesReport undo(String relinkId) {
        StateFileJournal journal = new StateFileJournal(folder.journal(relinkId));
        if (!journal.exists()) {
            return new StateFilesReport(folder.root(), 0, 0, 0, 0, List.of(), false);
        }
        Map<String, String> changes;
        try {
            changes = journal.changes();
        } catch (IOException e) {
            return new StateFilesReport(folder.root(), 0, 0, 0, 0, List.of("the journal: " + why(e)), false);
        }
        List<String> problems = new ArrayList<>();
        int restored = 0;
        int already = 0;
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String relative = change.getKey();
            try {
                Path file = folder.resolve(relative);
                Path original = journal.original(relative);
                String now = FileReplacements.digest(file);
                if (now.equals(FileReplacements.digest(original))) {
                    already++;
                } else if (now.equals(change.getValue())) {
                    FileReplacements.replaceWithCopyOf(file, original);
                    restored++;
                } else {
                    problems.add(relative + ": changed since the relink (the dataset was written again?)");
                }
            } catch (IOException e) {
                problems.add(relative + ": " + why(e));
            }
        }
        return new StateFilesReport(folder.root(), changes.size(), restored, 0, already, problems, false);
    }

    /** A state file written by someone else while the relink rewrote it. */
    private static final class WrittenMeanwhileException extends IOException {
        WrittenMeanwhileException() {
            super("written while it was relinked (is ClearML still running?); left as it is, run the relink again");
        }
    }

    private static String why(IOException e) {
        if (e instanceof WrittenMeanwhileException) {
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
