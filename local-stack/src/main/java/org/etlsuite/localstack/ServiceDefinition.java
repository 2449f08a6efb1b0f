package org.etlsuite.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run one service: its runnable jar, where it answers, and the command-line properties that point it at
 * the stack. Command-line properties beat the service's application.yml, so the services need no local profile.
 *
 * @param url where a client on this machine reaches the service, e.g. {@code http://127.0.0.1:8090}
 */
public record ServiceDefinition(String name, Path jar, URI url, List<String> arguments) {

    public ServiceDefinition {
        arguments = List.copyOf(arguments);
    }

    public int port() {
        return url.getPort();
    }

    public URI healthUri() {
        return url.resolve("/actuator/health");
    }

    /** {@code <java> <jvmOptions> -jar <jar> <arguments>} */
    public List<String> command(Path java, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        return command;
    }
}
