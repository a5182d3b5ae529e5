package com.clearmlmigrator.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A local stack's key for sealing task credentials, made once and kept in its state directory, readable by its owner
 * only: with it, anyone who can read the local Kafka could open the credentials of the ClearML stores.
 */
final class StackSecretKey {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private StackSecretKey() {}

    /** The key of the stack whose state is in {@code stateDir}, made on first use. */
    static String in(Path stateDir) {
        Path file = stateDir.resolve("secret-key");
        try {
            Files.createDirectories(stateDir);
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
            } else if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY); // made readable to all by an earlier version
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
