package com.clearmlmigrator.planner.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of every error answer: one sentence saying what is wrong and what to do. */
@Schema(description = "One sentence saying what is wrong and what to do")
public record ApiError(String error) {}
