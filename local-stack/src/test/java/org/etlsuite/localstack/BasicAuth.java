package org.etlsuite.localstack;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The {@code Authorization} header value a client sends with the stack's credentials. */
final class BasicAuth {

    private BasicAuth() {
    }

    static String of(StackCredentials credentials) {
        return "Basic " + Base64.getEncoder().encodeToString((credentials.user() + ":" + credentials.password())
                .getBytes(StandardCharsets.UTF_8));
    }
}
