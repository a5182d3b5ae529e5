package com.clearmlmigrator.planner.api;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A migration's progress as Server-Sent Events: the snapshot of {@code GET /migrations/{id}} each time it changes, the
 * last one when the migration ends or pauses for the operator, then the stream closes. Each event's id names its
 * content, so a client that reconnects with {@code Last-Event-ID} is sent nothing it already has: the next event is the
 * next change (or, for a migration that ended meanwhile, its final state).
 */
@Path("/migrations/{id}/events")
@Tag(name = "migrations")
@SecurityRequirement(name = ApiDescription.TOKEN)
public class MigrationEventsResource {
    /** How often the migration is looked at; a snapshot is sent only when it changed. */
    private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

    private final MigrationViews views;
    private final ObjectMapper json;

    public MigrationEventsResource(MigrationViews views, ObjectMapper json) {
        this.views = views;
        this.json = json;
    }

    @GET
    @Blocking // the 404 check reads the store with the blocking Mongo client: off the event loop
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow a migration: its progress each time it changes, until it ends or pauses")
    public Multi<OutboundSseEvent> events(
            @PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        views.find(id); // 404 before the stream opens
        AtomicBoolean first = new AtomicBoolean(true);
        return Multi.createFrom()
                .ticks()
                .startingAfter(Duration.ofMillis(1))
                .every(LOOK_EVERY)
                .onOverflow()
                .drop()
                // The store is read with the blocking Mongo client: off the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> snapshot(id))
                // The store away mid-stream: the stream ends without its end event, and the client connects again
                // (and is answered 503 until the store is back) instead of a stack trace in the log.
                .onFailure()
                .invoke(e -> Log.warnf("The event stream of migration %s ended: %s", id, e.getMessage()))
                .onFailure()
                .recoverWithCompletion()
                .skip()
                .repetitions()
                .onItem()
                .transformToMultiAndConcatenate(s -> s.last()
                        ? Multi.createFrom().items(s, Snapshot.END)
                        : Multi.createFrom().item(s))
                .select()
                .first(s -> s != Snapshot.END)
                // A resumed stream does not send again the state the client last had.
                .skip()
                .where(s -> first.getAndSet(false) && s.id().equals(lastEventId))
                .map(s -> sse.newEventBuilder()
                        .id(s.id())
                        .name(s.last() ? "end" : "progress")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(s.json())
                        .build());
    }

    private Snapshot snapshot(String id) {
        MigrationView view = views.current(id);
        try {
            String text = json.writeValueAsString(view);
            boolean last = view.status().isFinal() || view.status() == MigrationStatus.PAUSED;
            return new Snapshot(Integer.toHexString(text.hashCode()) + Long.toHexString(text.length()), text, last);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A migration view could not be written as JSON", e);
        }
    }

    /**
     * One state of the migration as sent.
     *
     * @param id   names the content: the same state gives the same id, so a resumed stream skips it
     * @param last the migration ended or paused: the stream closes after this one
     */
    private record Snapshot(String id, String json, boolean last) {
        static final Snapshot END = new Snapshot("", "", true);
    }
}
