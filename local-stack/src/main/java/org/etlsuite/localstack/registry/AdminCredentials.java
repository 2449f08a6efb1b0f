package org.etlsuite.localstack.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * The HTTP Basic user and password that deleting subjects or versions and changing compatibility levels
 * require; reading and registering schemas need none, as on Confluent's registry without authentication,
 * because the services' serializers register their schemas.
 */
public record AdminCredentials(String user, String password) {

    private static final String BASIC = "basic ";

    public AdminCredentials {
        if (user.isEmpty() || user.contains(":") || password.isEmpty()) {
            throw new IllegalArgumentException("An admin needs a user without ':' and a non-empty password");
        }
    }

    /** True when {@code authorization} (the header's value, or null) is HTTP Basic with exactly this user and password. */
    boolean accept(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BASIC)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        // constant time: how much of a guess was right must not show in the answer's timing
        return MessageDigest.isEqual(given, expected);
    }

    /** Never the password: records print their components. */
    @Override
    public String toString() {
        return "AdminCredentials[user=" + user + "]";
    }
}
