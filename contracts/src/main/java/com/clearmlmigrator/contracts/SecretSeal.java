package com.clearmlmigrator.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the secrets a task carries (the password in a MongoDB connection string, an Elasticsearch password) with
 * AES-256-GCM under a key the planner and the workers share, so Kafka only ever holds them encrypted. A sealed value is
 * {@code SEALED-} followed by URL-safe base64 of nonce and ciphertext, which is also a valid password inside a
 * connection string.
 */
public final class SecretSeal {
    private static final String PREFIX = "SEALED-";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern URI_PASSWORD = Pattern.compile("//([^:/@]+):([^@/]*)@");

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretSeal(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * @param base64Key 32 random bytes in base64, for example from {@code openssl rand -base64 32}
     * @throws IllegalArgumentException when the key is not 32 bytes of base64
     */
    public static SecretSeal fromBase64(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The secret key is not base64; make one with openssl rand -base64 32.");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "The secret key must be 32 bytes (openssl rand -base64 32); it has " + key.length + ".");
        }
        return new SecretSeal(key);
    }

    /** True when the task carries a secret: a password in its connection string or an Elasticsearch password. */
    public static boolean carriesSecrets(MigrationTask task) {
        return (task.mongo() != null && URI_PASSWORD.matcher(task.mongo().uri()).find())
                || hasPassword(task.elastic())
                || hasPassword(task.source());
    }

    /** The task with every secret sealed; sealing twice changes nothing. */
    public MigrationTask seal(MigrationTask task) {
        return transform(task, this::sealValue);
    }

    /**
     * The task with every sealed secret opened.
     *
     * @throws IllegalArgumentException when a value was sealed under another key or was tampered with
     */
    public MigrationTask open(MigrationTask task) {
        return transform(task, this::openValue);
    }

    /** True when any secret of the task is sealed. */
    public static boolean isSealed(MigrationTask task) {
        return (task.mongo() != null && task.mongo().uri().contains(":" + PREFIX))
                || sealedPassword(task.elastic())
                || sealedPassword(task.source());
    }

    private interface ValueTransform {
        String apply(String value);
    }

    private MigrationTask transform(MigrationTask task, ValueTransform transform) {
        MongoEndpoint mongo = task.mongo() == null
                ? null
                : new MongoEndpoint(
                        uriWithPassword(task.mongo().uri(), transform),
                        task.mongo().database());
        return task.withConnections(mongo, endpoint(task.elastic(), transform), endpoint(task.source(), transform));
    }

    private static ElasticEndpoint endpoint(ElasticEndpoint endpoint, ValueTransform transform) {
        if (endpoint == null || endpoint.password() == null) {
            return endpoint;
        }
        return new ElasticEndpoint(endpoint.hosts(), endpoint.username(), transform.apply(endpoint.password()));
    }

    private static String uriWithPassword(String uri, ValueTransform transform) {
        Matcher matcher = URI_PASSWORD.matcher(uri);
        if (!matcher.find()) {
            return uri;
        }
        return uri.substring(0, matcher.start(2)) + transform.apply(matcher.group(2)) + uri.substring(matcher.end(2));
    }

    private String sealValue(String value) {
        if (value.startsWith(PREFIX)) {
            return value;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private String openValue(String value) {
        if (!value.startsWith(PREFIX)) {
            return value;
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(value.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("A sealed credential could not be opened: the planner and this worker"
                    + " must share the same MIGRATOR_SECRET_KEY.");
        }
    }

    private static boolean hasPassword(ElasticEndpoint endpoint) {
        return endpoint != null && endpoint.password() != null;
    }

    private static boolean sealedPassword(ElasticEndpoint endpoint) {
        return hasPassword(endpoint) && endpoint.password().startsWith(PREFIX);
    }
}
