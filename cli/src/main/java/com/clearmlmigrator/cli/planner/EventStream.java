package com.clearmlmigrator.cli.planner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.clearmlmigrator.cli.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Follows {@code GET /migrations/{id}/events} until the migration ends or pauses. When the connection drops (a planner
 * restarted, a network blip) or the planner answers 503 (its database restarting), it connects again with {@code
 * Last-Event-ID}, so nothing already shown is sent twice; it gives up once the planner has not answered for {@link
 * #PATIENCE}.
 */
public class EventStream {
    /** How long the planner may be away before the command gives up: a restart takes seconds. */
    static final Duration PATIENCE = Duration.ofMinutes(2);

    private static final Duration PAUSE = Duration.ofSeconds(2);

    private final PlannerClient planner;

    public EventStream(PlannerClient planner) {
        this.planner = planner;
    }

    /**
     * Calls {@code onSnapshot} with each state of the migration as it changes, and returns the last one.
     *
     * @throws PlannerException when the planner refuses (an unknown id) or stays away
     */
    public JsonNode follow(String id, Consumer<JsonNode> onSnapshot) {
        String lastEventId = null;
        JsonNode last = null;
        Instant awaySince = null;
        while (true) {
            try {
                Followed followed = followOnce(id, lastEventId, onSnapshot);
                if (followed.last() != null) {
                    last = followed.last();
                    lastEventId = followed.lastEventId();
                }
                if (followed.ended()) {
                    return last != null ? last : planner.migration(id);
                }
                awaySince = null; // it answered; the stream was cut
            } catch (UncheckedIOException | IOException e) {
                awaySince = awaySince == null ? Instant.now() : awaySince;
                if (Duration.between(awaySince, Instant.now()).compareTo(PATIENCE) > 0) {
                    // Its own sentence when it answers (a 503 says why); "does not answer" when it does not.
                    planner.migration(id);
                    awaySince = null; // back just now
                }
            }
            pause();
        }
    }

    private record Followed(JsonNode last, String lastEventId, boolean ended) {}

    private Followed followOnce(String id, String lastEventId, Consumer<JsonNode> onSnapshot) throws IOException {
        HttpRequest.Builder request = planner.events(id);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> answer;
        try {
            answer = planner.http().send(request.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (answer.statusCode() == 503) {
            // Up, but unable to answer for now (its database restarting): waited out as a planner restart is.
            answer.body().close();
            throw new IOException("The planner answered 503");
        }
        if (answer.statusCode() >= 400) {
            answer.body().close();
            // The same refusal as the plain view would give, with its sentence.
            planner.migration(id);
            throw new PlannerException(
                    "The planner refused the event stream (HTTP " + answer.statusCode() + ").", ExitCode.BAD_INPUT);
        }
        JsonNode last = null;
        String eventId = lastEventId;
        boolean ended = false;
        try (Stream<String> lines = answer.body()) {
            ServerEvents events = new ServerEvents();
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                ServerEvents.Event event = events.accept(it.next());
                if (event != null) {
                    last = PlannerClient.JSON.readTree(event.data());
                    eventId = event.id();
                    ended |= "end".equals(event.name());
                    onSnapshot.accept(last);
                }
            }
        }
        // A stream that closed after its end event is done; one that closed before was cut.
        return new Followed(last, eventId, ended);
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlannerException("Interrupted while waiting for the planner.", ExitCode.PLANNER_UNREACHABLE);
        }
    }
}
