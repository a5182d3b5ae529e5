package com.clearmlmigrator.synthetic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Deterministic ids and choices in ClearML's formats (32 hex characters, no dashes). */
final class SeededIds {
    private final Random random;

    SeededIds(long seed) {
        this.random = new Random(seed);
    }

    String hexId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    int between(int fromInclusive, int toExclusive) {
        return fromInclusive + random.nextInt(toExclusive - fromInclusive);
    }

    double fraction() {
        return random.nextDouble();
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** ClearML's id for non-log events: md5 of the parts joined by dashes, so the URL is never part of the id. */
    static String eventId(Object... parts) {
        StringBuilder joined = new StringBuilder();
        for (Object part : parts) {
            joined.append(joined.isEmpty() ? "" : "-").append(part);
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("MD5").digest(joined.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
