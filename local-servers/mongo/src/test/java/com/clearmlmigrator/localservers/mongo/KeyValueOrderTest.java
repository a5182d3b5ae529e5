package com.clearmlmigrator.localservers.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/** Index keys as the H2 file stores them: in H2's own forms now, and as an earlier version stored them. */
class KeyValueOrderTest {
    private static final KeyValueOrder ORDER = new KeyValueOrder();

    static KeyValue[] keys() {
        return new KeyValue[] {
            new KeyValue("0123456789abcdef/events-training_debug_image-d1bd92a3/AYx2"),
            new KeyValue("company", 42, 7L, 2.5),
            new KeyValue(new ObjectId(), Missing.getInstance()),
            new KeyValue(new Document("uri", "http://files.old.lan:8081/x"), true)
        };
    }

    @ParameterizedTest
    @MethodSource("keys")
    void aKeyReadsBackEqualAndComparesEqualToItself(KeyValue key) {
        KeyValue read = (KeyValue) ORDER.read(written(ORDER, key));

        assertEquals(key, read);
        assertEquals(0, ORDER.compare(key, read));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void aKeyAnEarlierVersionStoredJavaSerializedStillReads(KeyValue key) {
        assertEquals(key, ORDER.read(written(new ObjectDataType(), key)));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void aKeyOfPlainValuesIsStoredWithoutJavaSerialization(KeyValue key) {
        if (key.stream().allMatch(value -> value instanceof String || value instanceof Number)) {
            int javaSerialized = written(new ObjectDataType(), key).remaining();
            int stored = written(ORDER, key).remaining();
            assertTrue(stored < javaSerialized / 2, stored + " bytes against " + javaSerialized);
        }
    }

    private static ByteBuffer written(ObjectDataType type, KeyValue key) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, key);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        return bytes;
    }
}
