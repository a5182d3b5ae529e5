package com.clearmlmigrator.planner.api;

/** The body of every error answer: one sentence saying what is wrong and what to do. */
public record ApiError(String error) {}
