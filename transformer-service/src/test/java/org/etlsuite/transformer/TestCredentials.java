package org.etlsuite.transformer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

import org.etlsuite.model.web.ApiCredentials;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The API user that the tests' configuration ({@code application.properties}) gives every transformer they start, in
 * this JVM or a child one; the fake producer expects the same.
 */
public final class TestCredentials {

    public static final ApiCredentials API_USER = load();

    private TestCredentials() {
    }

    /** The {@code Authorization} header of the API user. */
    public static String authorization() {
        return basic(API_USER.user(), API_USER.password());
    }

    /** An HTTP Basic {@code Authorization} header. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static ApiCredentials load() {
        try {
            Properties test = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
            return new ApiCredentials(test.getProperty("etl.api.user"), test.getProperty("etl.api.password"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
