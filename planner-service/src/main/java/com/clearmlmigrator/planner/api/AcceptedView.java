package com.clearmlmigrator.planner.api;

import com.clearmlmigrator.contracts.MigrationStatus;

/** The answer to a submitted migration: where to follow it. */
public record AcceptedView(String id, MigrationStatus status) {}
