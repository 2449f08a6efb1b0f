package org.etlsuite.producer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The API user that the tests' configuration ({@code application.properties}) gives the service. */
public final class TestCredentials {

    public static final String USER;
    public static final String PASSWORD;

    static {
        try {
            Properties test = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
            USER = test.getProperty("etl.api.user");
            PASSWORD = test.getProperty("etl.api.password");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestCredentials() {
    }

    /** A MockMvc request as the API user (HTTP Basic). */
    public static RequestPostProcessor apiUser() {
        return SecurityMockMvcRequestPostProcessors.httpBasic(USER, PASSWORD);
    }

    /** The {@code Authorization} header of the API user, for an HTTP client. */
    public static String authorization() {
        return basic(USER, PASSWORD);
    }

    /** An HTTP Basic {@code Authorization} header. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
