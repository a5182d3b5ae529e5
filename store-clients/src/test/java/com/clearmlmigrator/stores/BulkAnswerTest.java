package com.clearmlmigrator.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Answers as Elasticsearch 7.10 gives them to {@code _bulk}. */
class BulkAnswerTest {
    @Test
    void anAnswerWithoutErrorsIsNotReadFurther() throws IOException {
        BulkAnswer answer = read("{\"took\":3,\"errors\":false,\"items\":[{\"create\":{\"_id\":\"a\",\"status\":201}}");

        assertThat(answer.errors()).isFalse();
        assertThat(answer.item(0, "create").isMissingNode()).isTrue();
    }

    @Test
    void anAnswerWithErrorsKeepsEveryItemInOrder() throws IOException {
        BulkAnswer answer = read("{\"took\":3,\"errors\":true,\"items\":["
                + "{\"create\":{\"_id\":\"a\",\"status\":201}},"
                + "{\"create\":{\"_id\":\"b\",\"status\":409,\"error\":{\"type\":\"version_conflict_engine_exception\"}}}"
                + "]}");

        assertThat(answer.errors()).isTrue();
        assertThat(answer.item(0, "create").path("status").asInt()).isEqualTo(201);
        assertThat(answer.item(1, "create").path("error").path("type").asText())
                .isEqualTo("version_conflict_engine_exception");
    }

    @Test
    void itemsBeforeTheErrorsFlagAreKeptToo() throws IOException {
        BulkAnswer answer = read("{\"items\":[{\"index\":{\"status\":409}}],\"errors\":true}");

        assertThat(answer.item(0, "index").path("status").asInt()).isEqualTo(409);
    }

    private static BulkAnswer read(String json) throws IOException {
        return BulkAnswer.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
