package com.clearmlmigrator.localservers.mongo;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The order of a unique index's keys in H2, compared value by value. H2's own type for keys it does not know compares
 * them by Java-serializing both sides, and a {@link KeyValue} is such a key: every insert's uniqueness check serialized
 * keys at each step of its B-tree search, which made the H2 backend about twice as slow as the memory backend on a
 * relink (seen in a profile: {@code ObjectOutputStream} under {@code H2UniqueIndex.getPosition}).
 *
 * <p>Each value is compared as H2 compares a key of its own type (strings, numbers, ids by value; documents still by
 * their serialized form), and a shorter key sorts before a longer one that begins like it. Two keys compare equal
 * only when their values do, as {@link KeyValue#equals} asks, and the order depends on nothing but the values, so a
 * map written with it reads back in the same order after a restart.
 */
final class KeyValueOrder extends ObjectDataType {
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
}
