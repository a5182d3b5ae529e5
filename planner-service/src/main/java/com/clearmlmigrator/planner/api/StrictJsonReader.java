package com.clearmlmigrator.planner.api;

import java.time.Instant;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.planner.migration.InvalidRequestException;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads request bodies strictly: unknown fields, wrong types and trailing garbage are errors that name the field. The
 * shared ObjectMapper stays lenient, because Kafka messages from newer versions may carry fields this one lacks.
 */
@ApplicationScoped
public class StrictJsonReader {
    private final ObjectMapper strict;

    public StrictJsonReader(ObjectMapper shared) {
        this.strict = shared.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // A null inside a list ("include": [null]) is never meant, and every rule past this point may rely on that.
        strict.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        // Without this, Jackson would quietly turn 42 or true into the string "42" or "true".
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** The body as a JSON object, for a reader that looks at some fields before binding it ({@link #bind}). */
    public JsonNode readObject(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("The request body is empty; send a JSON object.");
        }
        try {
            JsonNode tree = strict.readTree(body);
            if (tree == null || tree.isNull()) {
                throw new InvalidRequestException("The request body must be a JSON object, not null.");
            }
            if (!tree.isObject()) {
                throw new InvalidRequestException("The request body must be a JSON object.");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(describe(e));
        }
    }

    /** Binds an object read by {@link #readObject} as strictly as {@link #read} binds a body. */
    public <T> T bind(JsonNode object, Class<T> type) {
        try {
            return strict.treeToValue(object, type);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(describe(e));
        }
    }

    public <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("The request body is empty; send a JSON object.");
        }
        ObjectReader reader = strict.readerFor(type);
        try {
            T value = reader.readValue(body);
            if (value == null) {
                throw new InvalidRequestException("The request body must be a JSON object, not null.");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(describe(e));
        }
    }

    /** A sentence about the problem and where it is, built without echoing the offending value. */
    static String describe(JsonProcessingException e) {
        String field = field(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream()
                    .map(Object::toString)
                    .sorted()
                    .collect(Collectors.joining(", "));
            return "Unknown field '" + field + "'. Allowed here: " + known + ".";
        }
        if (e instanceof InvalidNullException) {
            return "Field '" + field + "' must not be null; leave it out or give a value.";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = expected(mismatch.getTargetType());
            return field.isEmpty()
                    ? "The request body must be " + expected + "."
                    : "Field '" + field + "' must be " + expected + ".";
        }
        if (e instanceof JsonMappingException) {
            return field.isEmpty()
                    ? "The request body does not have the expected shape."
                    : "Field '" + field + "' has an invalid value.";
        }
        var location = e.getLocation();
        return "The request body is not valid JSON"
                + (location == null
                        ? "."
                        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ").");
    }

    private static String field(JacksonException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Instant.class.equals(type)) {
            return "a time in UTC such as 2026-12-06T18:35:06Z";
        }
        return "a JSON object";
    }
}
