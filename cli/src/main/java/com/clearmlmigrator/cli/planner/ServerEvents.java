package com.clearmlmigrator.cli.planner;

/** Reads the text/event-stream format line by line: an event is complete at the blank line after its fields. */
final class ServerEvents {
    record Event(String id, String name, String data) {}

    private String id;
    private String name;
    private final StringBuilder data = new StringBuilder();

    /** The event this line completes, or null. */
    Event accept(String line) {
        if (line.isEmpty()) {
            Event event = data.isEmpty() ? null : new Event(id, name, data.toString());
            id = null;
            name = null;
            data.setLength(0);
            return event;
        }
        if (line.startsWith("id:")) {
            id = value(line, 3);
        } else if (line.startsWith("event:")) {
            name = value(line, 6);
        } else if (line.startsWith("data:")) {
            data.append(data.isEmpty() ? "" : "\n").append(value(line, 5));
        }
        return null;
    }

    /** The field's value; one space after the colon belongs to the format, not to the value. */
    private static String value(String line, int colon) {
        String value = line.substring(colon);
        return value.startsWith(" ") ? value.substring(1) : value;
    }
}
