package org.etlsuite.model.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the HTTP API of a service ({@code etl.api.*}; the environment variables {@code ETL_API_USER},
 * {@code ETL_API_PASSWORD} and {@code ETL_API_OPEN_READS} bind to them). The suite has one set of credentials: the
 * transformer sends the same ones to the producer.
 *
 * @param user      the one user of the API
 * @param password  its password; when absent or blank, a random one is generated at start-up and logged once
 * @param openReads whether reads (GET, HEAD) need no credentials; when {@code false} only the actuator's health and
 *                  info are open
 */
@ConfigurationProperties("etl.api")
public record ApiSecurityProperties(@DefaultValue("etl") String user, String password, @DefaultValue("true") boolean openReads) {

    public ApiSecurityProperties {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("etl.api.user must not be blank");
        }
        if (user.contains(":")) {
            // HTTP Basic sends "user:password": the first colon ends the user (RFC 7617)
            throw new IllegalArgumentException("etl.api.user must not contain ':', was '" + user + "'");
        }
    }

    /** The password is configured (and so the same in every service given it). */
    boolean hasPassword() {
        return password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "ApiSecurityProperties[user=" + user + ", password=" + (hasPassword() ? "(set)" : "(none)")
                + ", openReads=" + openReads + "]";
    }
}
