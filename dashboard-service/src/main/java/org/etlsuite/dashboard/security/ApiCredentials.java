package org.etlsuite.dashboard.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The suite's one user ({@code ETL_API_USER} / {@code ETL_API_PASSWORD}): who may sign in to the dashboard's run
 * controls, and what the dashboard sends to the transformer's API on their behalf.
 *
 * @param user     the user name
 * @param password the password; when none is configured one is generated at start-up and logged once, so that a
 *                 dashboard started without configuration is never open (local-stack and Compose always set one)
 */
@ConfigurationProperties("etl.api")
public record ApiCredentials(@DefaultValue("etl") String user, String password) {

    private static final Logger log = LoggerFactory.getLogger(ApiCredentials.class);

    public ApiCredentials {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("etl.api.user must not be blank");
        }
        if (password == null || password.isEmpty()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("No etl.api.password (ETL_API_PASSWORD) is set; generated one for user '{}': {}", user, password);
        }
    }

    @Override
    public String toString() {
        return "ApiCredentials[user=" + user + ", password=***]";
    }
}
