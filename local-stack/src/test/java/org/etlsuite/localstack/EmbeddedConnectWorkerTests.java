package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The worker and connector settings of --connect, without starting a worker (EmbeddedConnectIntegrationTests does). */
class EmbeddedConnectWorkerTests {

    private final LocalStackOptions options = LocalStackOptions.parse(new String[] {"--connect", "--data-dir=/srv/etl/data",
            "--kafka-port=19092", "--registry-port=18081", "--connect-port=18083"}, new Properties());

    @Test
    void shouldPointTheWorkerAtTheStacksBrokerAndRegistryAndKeepItsStateInTheDataFolder() {
        assertThat(EmbeddedConnectWorker.workerProperties(options))
                .containsEntry("bootstrap.servers", "127.0.0.1:19092")
                .containsEntry("listeners", "http://127.0.0.1:18083")
                .containsEntry("key.converter", "org.apache.kafka.connect.storage.StringConverter")
                .containsEntry("value.converter", "org.etlsuite.model.connect.WireFormatAvroConverter")
                .containsEntry("value.converter.schema.registry.url", "http://127.0.0.1:18081")
                .containsEntry("offset.storage.file.filename", "/srv/etl/data/.stack/connect/offsets")
                .containsEntry("consumer.isolation.level", "read_committed");
    }

    @Test
    void shouldRunTheComposeSetupsConnectorWithItsFileInTheDataFolder() {
        ExampleConnector connector = ExampleConnector.load(options.directories());

        assertThat(connector.name()).isEqualTo("urban-sensors-file-sink");
        assertThat(connector.config())
                .containsEntry("name", "urban-sensors-file-sink")
                .containsEntry("connector.class", "org.apache.kafka.connect.file.FileStreamSinkConnector")
                .containsEntry("tasks.max", "1")
                .containsEntry("topics", "urban-sensors.processed")
                .containsEntry("file", Path.of("/srv/etl/data/connect/urban-sensors.processed.txt").toString());
    }
}
