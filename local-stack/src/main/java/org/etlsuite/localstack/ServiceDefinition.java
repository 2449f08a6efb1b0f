package org.etlsuite.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run one service: its runnable jar and the command-line properties that point it at the stack.
 * Command-line properties beat the service's application.yml, so the services need no local profile.
 */
public record ServiceDefinition(String name, Path jar, int port, List<String> arguments) {

    public ServiceDefinition {
        arguments = List.copyOf(arguments);
    }

    public URI healthUri() {
        return URI.create("http://localhost:" + port + "/actuator/health");
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
