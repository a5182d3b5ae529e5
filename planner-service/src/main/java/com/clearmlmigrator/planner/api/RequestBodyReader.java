package com.clearmlmigrator.planner.api;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads the typed request bodies with our rules instead of the lenient shared mapper: unknown fields, wrong types and
 * fields of another kind are 400s with a sentence ({@link MigrationRequestReader}, {@link StrictJsonReader}). The body
 * of undo and retry is optional, so an empty one is "no connections given", whatever its content type.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class RequestBodyReader implements MessageBodyReader<Object> {
    private final MigrationRequestReader requests;

    public RequestBodyReader(MigrationRequestReader requests) {
        this.requests = requests;
    }

    @Override
    public boolean isReadable(Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
        return type == MigrationRequest.class
                || type == ConnectionsRequest.class
                || type == StateFilesRequest.class
                || type == StateFilesForgottenRequest.class;
    }

    @Override
    public Object readFrom(
            Class<Object> type,
            Type generic,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream entity)
            throws IOException {
        String body = new String(entity.readAllBytes(), StandardCharsets.UTF_8);
        if (MigrationRequest.class.equals(type)) {
            return requests.read(body);
        }
        if (ConnectionsRequest.class.equals(type)) {
            return requests.readConnections(body);
        }
        return requests.readStateFiles(body, type.asSubclass(Record.class));
    }
}
