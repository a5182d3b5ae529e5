package com.clearmlmigrator.localservers.mongo;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;

/**
 * The order and the stored form of a unique index's keys in H2. H2's own type for keys it does not know compares and
 * stores them Java-serialized, and a {@link KeyValue} is such a key: every insert's uniqueness check serialized keys at
 * each step of its B-tree search, which made the H2 backend about twice as slow as the memory backend on a relink (seen
 * in a profile: {@code ObjectOutputStream} under {@code H2UniqueIndex.getPosition}); and every page of an index written
 * or read again Java-serialized each of its keys (a tenth of the wire server's CPU while it journaled a relink of a
 * million events, profiled).
 *
 * <p>Each value is compared as H2 compares a key of its own type (strings, numbers, ids by value; documents still by
 * their serialized form), and a shorter key sorts before a longer one that begins like it. Two keys compare equal
 * only when their values do, as {@link KeyValue#equals} asks, and the order depends on nothing but the values, so a
 * map written with it reads back in the same order after a restart. A key is stored as a tag of its own, its size and
 * each value in H2's form; a key stored Java-serialized by an earlier version still reads, as H2 reads it.
 */
final class KeyValueOrder extends ObjectDataType {
    /** Past the tags of {@link ObjectDataType}'s own forms, which end at 119. */
    private static final byte KEY_VALUE_TAG = 127;

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int shared = Math.min(left.size(), right.size());
            for (int i = 0; i < shared; i++) {
                int order = super.compare(left.get(i), right.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(left.size(), right.size());
        }
        return super.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (!(key instanceof KeyValue values)) {
            super.write(buffer, key);
            return;
        }
        buffer.put(KEY_VALUE_TAG).putVarInt(values.size());
        for (Object value : values) {
            super.write(buffer, value);
        }
    }

    /**
     * A key's weight in H2's page cache and in the unsaved memory that makes it commit. H2 weighs a key it does not
     * know by the average size of those it Java-serialized, which starts at 10,000 bytes: weighed so, an index of short
     * keys filled the commit buffer after a few hundred inserts and was written out again and again.
     */
    @Override
    public int getMemory(Object key) {
        if (!(key instanceof KeyValue values)) {
            return super.getMemory(key);
        }
        int memory = 24 + 8 * values.size();
        for (Object value : values) {
            memory += super.getMemory(value);
        }
        return memory;
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != KEY_VALUE_TAG) {
            Object stored = super.read(buffer);
            return stored instanceof KeyValue values
                    ? new KeyValue(values.stream().map(KeyValueOrder::resolved).toList())
                    : stored;
        }
        buffer.get();
        Object[] values = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < values.length; i++) {
            values[i] = resolved(super.read(buffer));
        }
        return new KeyValue(values);
    }

    /**
     * The absent value of a document without the indexed field is a singleton that Java serialization reads back as a
     * second instance, equal to nothing: such a key would no longer find itself after a restart.
     */
    private static Object resolved(Object value) {
        return value instanceof Missing ? Missing.getInstance() : value;
    }
}
