package com.clearmlmigrator.worker.elastic.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ReferenceCandidatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FROM = "http://files.old.lan:8081/";

    @Test
    void findsEveryCaseOfTheOldPrefixAndNothingElseInAKeywordFieldOfEs7() throws Exception {
        JsonNode mappings = JSON.readTree("""
                {"events-training_debug_image-c1": {"mappings": {"url": {"full_name": "url",
                  "mapping": {"url": {"type": "keyword"}}}}}}
                """);

        ObjectNode query = ReferenceCandidates.forMappings(mappings, List.of("url"), List.of(FROM))
                .orElseThrow();

        String pattern = query.at("/query/bool/should/0/regexp/url/value").asText();
        // The subset of Lucene's syntax used here (character classes, escaped dots, .*) reads the same in Java.
        Pattern regexp = Pattern.compile(pattern);
        assertThat(regexp.matcher("http://files.old.lan:8081/a/b.png").matches())
                .isTrue();
        assertThat(regexp.matcher("HTTP://Files.OLD.lan:8081/a.png").matches()).isTrue();
        assertThat(regexp.matcher("http://files.old.lan:8081").matches()).isTrue();
        // A superset of the matches: the worker checks the boundary itself.
        assertThat(regexp.matcher("http://files.old.lan:80810/a.png").matches()).isTrue();
        assertThat(regexp.matcher("http://filesXold.lan:8081/a.png").matches()).isFalse();
        assertThat(regexp.matcher("https://files.example.com/a.png").matches()).isFalse();
        assertThat(query.at("/query/bool/minimum_should_match").asInt()).isEqualTo(1);
    }

    @Test
    void readsTheTypedMappingsOfEs56() throws Exception {
        JsonNode mappings = JSON.readTree("""
                {"events-training_debug_image-c1": {"mappings": {"event": {"url": {"full_name": "url",
                  "mapping": {"url": {"type": "keyword"}}}}}}}
                """);

        assertThat(ReferenceCandidates.forMappings(mappings, List.of("url"), List.of(FROM)))
                .isPresent();
    }

    @Test
    void leavesTheSliceWholeWhenTheIndexCannotAnswerExactly() throws Exception {
        JsonNode longValuesLeftOut = JSON.readTree("""
                {"i": {"mappings": {"url": {"full_name": "url",
                  "mapping": {"url": {"type": "keyword", "ignore_above": 256}}}}}}
                """);
        JsonNode analysedText = JSON.readTree("""
                {"i": {"mappings": {"url": {"full_name": "url", "mapping": {"url": {"type": "text"}}}}}}
                """);
        JsonNode oneOfTwoTypesText = JSON.readTree("""
                {"i": {"mappings": {
                  "a": {"url": {"full_name": "url", "mapping": {"url": {"type": "keyword"}}}},
                  "b": {"url": {"full_name": "url", "mapping": {"url": {"type": "text"}}}}}}}
                """);
        JsonNode unmapped = JSON.readTree("""
                {"i": {"mappings": {}}}
                """);

        for (JsonNode mappings : List.of(longValuesLeftOut, analysedText, oneOfTwoTypesText, unmapped)) {
            assertThat(ReferenceCandidates.forMappings(mappings, List.of("url"), List.of(FROM)))
                    .as(mappings.toString())
                    .isEmpty();
        }
    }

    @Test
    void findsTheOldPrefixInEverySpellingOfIt() throws Exception {
        JsonNode mappings = JSON.readTree("""
                {"i": {"mappings": {"url": {"full_name": "url", "mapping": {"url": {"type": "keyword"}}}}}}
                """);
        List<String> spellings = List.of("http://files:8081/my project", "http://files:8081/my%20project");

        ObjectNode query = ReferenceCandidates.forMappings(mappings, List.of("url"), spellings)
                .orElseThrow();

        List<Pattern> should = new ArrayList<>();
        query.at("/query/bool/should")
                .forEach(clause -> should.add(
                        Pattern.compile(clause.at("/regexp/url/value").asText())));
        assertThat(should).hasSize(2);
        assertThat(should.get(0).matcher("http://files:8081/my project/a.csv").matches())
                .isTrue();
        assertThat(should.get(1).matcher("http://files:8081/my%20project/a.png").matches())
                .isTrue();
        assertThat(should.stream()
                        .anyMatch(
                                p -> p.matcher("http://files:8081/other/a.png").matches()))
                .isFalse();
    }

    @Test
    void escapesEveryCharacterLuceneReserves() {
        assertThat(ReferenceCandidates.caseInsensitiveLiteral("s3://b-1/x.y?z#@&<>~\"(){}[]|+*\\"))
                .isEqualTo("[sS]3://[bB]-1/[xX]\\.[yY]\\?[zZ]\\#\\@\\&\\<\\>\\~\\\"\\(\\)\\{\\}\\[\\]\\|\\+\\*\\\\");
    }
}
