package com.clearmlmigrator.worker.mongo.adapter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.relink.ClearmlFields;
import com.clearmlmigrator.relink.DocumentRelinker;
import com.clearmlmigrator.relink.FieldRule;
import com.clearmlmigrator.relink.LinkRewriter;
import com.clearmlmigrator.relink.RelinkEngine;
import com.clearmlmigrator.relink.RelinkJournal;
import com.clearmlmigrator.relink.RelinkPass;
import com.clearmlmigrator.relink.RelinkProgress;
import com.clearmlmigrator.stores.MongoConnections;
import com.clearmlmigrator.worker.mongo.relink.CollectionRelinker;
import com.clearmlmigrator.worker.runtime.PartWay;
import com.clearmlmigrator.worker.runtime.ProgressBeacon;

/** Runs {@link RelinkEngine} on one id range of a collection of the task's MongoDB ({@link MongoRelinkStore}). */
@ApplicationScoped
public class MongoRelinker implements CollectionRelinker {
    private final MongoConnections connections;
    private final RelinkJournal journal;
    private final ProgressBeacon progress;

    public MongoRelinker(MongoConnections connections, RelinkJournal journal, ProgressBeacon progress) {
        this.connections = connections;
        this.journal = journal;
        this.progress = progress;
    }

    @Override
    public RelinkReport relink(MigrationTask task) {
        List<FieldRule> rules = ClearmlFields.forCollection(task.target(), task.relink());
        RelinkPass pass = pass(task, rules, task.relink().dryRun());
        return PartWay.reporting(
                () -> connections.withDatabase(
                        task.mongo(),
                        db -> RelinkEngine.relink(
                                pass,
                                new MongoRelinkStore(
                                        db.getCollection(task.target()), task.idRange(), topLevelFields(rules)),
                                progress(task))),
                pass::report);
    }

    @Override
    public RelinkReport undo(MigrationTask task) {
        List<FieldRule> rules = ClearmlFields.forCollection(task.target(), task.relink());
        RelinkPass pass = pass(task, rules, false);
        return PartWay.reporting(
                () -> connections.withDatabase(
                        task.mongo(),
                        db -> RelinkEngine.undo(
                                pass,
                                journal,
                                task.relink().undoOf(),
                                task.target(),
                                MongoRelinkStore.BATCH,
                                new MongoRelinkStore(
                                        db.getCollection(task.target()), task.idRange(), topLevelFields(rules)),
                                progress(task))),
                pass::report);
    }

    private RelinkPass pass(MigrationTask task, List<FieldRule> rules, boolean dryRun) {
        RelinkSpec spec = task.relink();
        DocumentRelinker relinker = new DocumentRelinker(LinkRewriter.of(spec.from(), spec.to()), rules, false);
        return new RelinkPass(task.id(), task.target(), relinker, journal, dryRun);
    }

    private RelinkProgress progress(MigrationTask task) {
        ProgressBeacon.Counter counter = progress.counter(task.id());
        return RelinkProgress.of(counter::add, counter::addChanged, counter::answered);
    }

    private static List<String> topLevelFields(List<FieldRule> rules) {
        Set<String> fields = new LinkedHashSet<>();
        rules.forEach(rule -> fields.add(rule.topLevelField()));
        return List.copyOf(fields);
    }
}
