package org.etlsuite.model.web;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user and password that this service's API accepts, and that it sends to another service of the suite.
 *
 * @param user     the API user
 * @param password its password, as configured or generated at start-up
 */
public record ApiCredentials(String user, String password) {

    private static final Logger log = LoggerFactory.getLogger(ApiCredentials.class);

    /**
     * The configured credentials; without a configured password a random one, logged once at WARN, so that a
     * service started without configuration is still closed to anyone who does not read its log.
     */
    public static ApiCredentials of(ApiSecurityProperties properties) {
        if (properties.hasPassword()) {
            return new ApiCredentials(properties.user(), properties.password());
        }
        String generated = UUID.randomUUID().toString();
        log.warn("""

                etl.api.password (ETL_API_PASSWORD) is not set; generated for API user '{}': {}

                Every request that changes something needs these credentials (HTTP Basic). Set ETL_API_PASSWORD, \
                the same for every service of the suite, to choose them.
                """, properties.user(), generated);
        return new ApiCredentials(properties.user(), generated);
    }

    @Override
    public String toString() {
        return "ApiCredentials[user=" + user + "]";
    }
}
