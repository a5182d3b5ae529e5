package com.clearmlmigrator.planner.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Malformed variants of a valid request, drawn from a seeded {@link Random} so a failing one can be replayed. Two
 * families: edits of the text (broken JSON, truncation, stray characters, huge runs) and edits of the structure that
 * keep the JSON valid (a field removed, an unknown one added, a value of the wrong type, of absurd size or length).
 */
public final class RequestMutations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON_CHARACTERS = "{}[]:,\"\\ 0123456789.-+eEtruefalsn/@%\u00e9\u0000\ud83d\ude00";

    /** Values that break a field's type, size or length. */
    private static final List<JsonNode> ODD_VALUES = List.of(
            NODES.nullNode(),
            NODES.booleanNode(true),
            NODES.numberNode(-1),
            NODES.numberNode(0),
            NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(1e308),
            NODES.textNode(""),
            NODES.textNode(" "),
            NODES.textNode("x".repeat(100_000)),
            NODES.textNode("http://" + "h".repeat(100_000) + "/"),
            NODES.textNode("\u0000\ud83d\ude00\u00e9"),
            NODES.textNode("ftp://files.old.lan/"),
            NODES.textNode("s3://"),
            NODES.textNode("http://u:p@files.old.lan:8081/"),
            NODES.textNode("mongodb://"),
            NODES.textNode("../../etc/passwd"),
            NODES.arrayNode(),
            NODES.arrayNode().add(NODES.nullNode()),
            NODES.arrayNode().add(1).add("two"),
            NODES.objectNode(),
            NODES.objectNode().put("a", 1));

    private RequestMutations() {}

    /** One to five random edits of the text. */
    public static String textual(String body, Random random) {
        StringBuilder text = new StringBuilder(body);
        int edits = 1 + random.nextInt(5);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(7)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, JSON_CHARACTERS.charAt(random.nextInt(JSON_CHARACTERS.length())));
                case 2 -> text.setCharAt(at, JSON_CHARACTERS.charAt(random.nextInt(JSON_CHARACTERS.length())));
                case 3 -> text.setLength(at);
                case 4 -> replaceFirstValue(text, "12345");
                case 5 -> replaceFirstValue(text, "[".repeat(5_000) + "]".repeat(5_000));
                default -> text.insert(at, "x".repeat(random.nextInt(3) == 0 ? 100_000 : 10));
            }
        }
        return text.toString();
    }

    private static void replaceFirstValue(StringBuilder text, String value) {
        text.replace(0, text.length(), text.toString().replaceFirst("\"[^\"]*\"(?=[,}])", value));
    }

    /**
     * One to three edits that keep the body valid JSON but not a valid request. (Nesting stays within what Jackson
     * writes; {@link #textual} sends deeper.)
     */
    public static String structural(String body, Random random) {
        JsonNode root = parse(body);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            List<Slot> slots = new ArrayList<>();
            collect(root, slots);
            if (slots.isEmpty()) {
                break;
            }
            Slot slot = slots.get(random.nextInt(slots.size()));
            switch (random.nextInt(4)) {
                case 0 -> slot.remove();
                case 1 -> slot.replace(ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
                case 2 -> slot.replace(deeplyNested(random.nextInt(3) == 0 ? 300 : 20));
                default -> slot.addSibling("unknown" + random.nextInt(3), ODD_VALUES.get(random.nextInt(4)));
            }
        }
        return root.toString();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A seed must be valid JSON: " + body, e);
        }
    }

    private static JsonNode deeplyNested(int depth) {
        ArrayNode outer = NODES.arrayNode();
        ArrayNode current = outer;
        for (int i = 1; i < depth; i++) {
            ArrayNode inner = NODES.arrayNode();
            current.add(inner);
            current = inner;
        }
        return outer;
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                slots.add(new Slot(object, field.getKey(), -1));
                collect(field.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    /** A place in the tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {
        void replace(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        void addSibling(String name, JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(name, value);
            } else {
                ((ArrayNode) parent).add(value);
            }
        }
    }
}
