package org.etlsuite.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.file.FileStreamSinkConnector;
import org.apache.kafka.connect.runtime.ConnectorConfig;

/**
 * The example connector of the compose profile {@code connect}, read from the very file the compose setup
 * registers ({@code connect/urban-sensors-file-sink.json}, packaged into this module), so that both stacks run
 * one definition. Its name is the file's, as the compose registration names it; its sink file moves from the
 * container's volume into the data folder ({@code <data>/connect/}) and keeps its file name.
 */
record ExampleConnector(String name, Map<String, String> config) {

    static final String RESOURCE = "connect/urban-sensors-file-sink.json";

    static ExampleConnector load(StackDirectories dirs) {
        Map<String, String> config = new LinkedHashMap<>(read());
        config.put(FileStreamSinkConnector.FILE_CONFIG, sinkFile(dirs, config).toString());
        String fileName = Path.of(RESOURCE).getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".json".length());
        // the REST call of the compose registration adds the name from its path; the herder wants it in the config
        config.put(ConnectorConfig.NAME_CONFIG, name);
        return new ExampleConnector(name, Map.copyOf(config));
    }

    /** Where the example sink writes in this stack. */
    static Path sinkFile(StackDirectories dirs) {
        return sinkFile(dirs, read());
    }

    private static Path sinkFile(StackDirectories dirs, Map<String, String> composeConfig) {
        return dirs.connectDir().resolve(Path.of(composeConfig.get(FileStreamSinkConnector.FILE_CONFIG)).getFileName());
    }

    private static Map<String, String> read() {
        try (InputStream json = ExampleConnector.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the local-stack jar");
            }
            return new ObjectMapper().readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
