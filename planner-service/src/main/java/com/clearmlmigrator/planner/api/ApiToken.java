package com.clearmlmigrator.planner.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import com.clearmlmigrator.planner.config.PlannerConfig;

/**
 * The API token of {@code planner.api-token}, and what an {@code Authorization} header must hold to present it. The
 * comparison takes the same time whatever was sent.
 */
final class ApiToken {
    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";
    private static final byte[] NOTHING = new byte[0];

    private final Optional<byte[]> token;

    ApiToken(PlannerConfig config) {
        this.token = config.apiToken().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /** False when no token is set and the API is open. */
    boolean isSet() {
        return token.isPresent();
    }

    /** Whether the header is {@code Bearer <token>}. */
    boolean presentedAsBearer(String header) {
        return matches(bearer(header));
    }

    /** Whether the header is {@code Bearer <token>} or Basic credentials with the token as password (any user). */
    boolean presentedAsBearerOrBasic(String header) {
        return matches(bearer(header)) || matches(basicPassword(header));
    }

    private boolean matches(byte[] sent) {
        return token.isPresent() && MessageDigest.isEqual(sent, token.get());
    }

    private static byte[] bearer(String header) {
        return header != null && header.startsWith(BEARER)
                ? header.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8)
                : NOTHING;
    }

    private static byte[] basicPassword(String header) {
        if (header == null || !header.startsWith(BASIC)) {
            return NOTHING;
        }
        try {
            String userAndPassword =
                    new String(Base64.getDecoder().decode(header.substring(BASIC.length())), StandardCharsets.UTF_8);
            int colon = userAndPassword.indexOf(':');
            return colon < 0 ? NOTHING : userAndPassword.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return NOTHING;
        }
    }
}
