package com.clearmlmigrator.planner.migration;

/** A request the planner cannot accept; the message says what to change, without echoing secrets. */
public class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
