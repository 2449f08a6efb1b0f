package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtlServicesTests {

    @TempDir
    Path repo;

    @Test
    void shouldPointEachServiceAtTheEmbeddedInfrastructureAndTheDataFolder() throws Exception {
        createJars();
        Path data = repo.resolve("data");
        LocalStackOptions options = LocalStackOptions.parse(new String[] {
                "--services-dir=" + repo, "--data-dir=" + data, "--kafka-port=1001", "--registry-port=1002",
                "--postgres-port=1003", "--producer-port=1004", "--transformer-port=1005", "--dashboard-port=1006"},
                new Properties());

        List<ServiceDefinition> services = EtlServices.definitions(options);

        assertThat(services).extracting(ServiceDefinition::name)
                .containsExactly("transformer-service", "producer-service", "dashboard-service");
        ServiceDefinition transformer = services.get(0);
        assertThat(transformer.jar()).isEqualTo(repo.resolve("transformer-service/target/transformer-service-0.1.0-SNAPSHOT-exec.jar"));
        assertThat(transformer.healthUri()).isEqualTo(URI.create("http://127.0.0.1:1005/actuator/health"));
        assertThat(transformer.arguments()).containsExactly(
                "--server.address=127.0.0.1",
                "--server.port=1005",
                "--etl.data-dir=" + data,
                "--spring.kafka.bootstrap-servers=127.0.0.1:1001",
                "--spring.kafka.properties.schema.registry.url=http://127.0.0.1:1002",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1003/etl",
                "--spring.datasource.username=etl",
                "--spring.datasource.password=etl",
                "--etl.state-dir=" + data.resolve(".stack/transformer"),
                "--etl.runs.producer-url=http://127.0.0.1:1004");
        assertThat(services.get(1).arguments()).containsExactly(
                "--server.address=127.0.0.1",
                "--server.port=1004",
                "--etl.data-dir=" + data,
                "--spring.kafka.bootstrap-servers=127.0.0.1:1001",
                "--spring.kafka.properties.schema.registry.url=http://127.0.0.1:1002");
        assertThat(services.get(2).port()).isEqualTo(1006);
        assertThat(services.get(2).arguments()).containsExactly(
                "--server.address=127.0.0.1",
                "--server.port=1006",
                "--etl.data-dir=" + data,
                "--spring.kafka.bootstrap-servers=127.0.0.1:1001",
                "--spring.kafka.properties.schema.registry.url=http://127.0.0.1:1002",
                "--etl.dashboard.transformer-url=http://127.0.0.1:1005");
    }

    @Test
    void shouldBindTheServicesToTheGivenAddressAndReachEverythingOverLoopbackWhenItIsTheWildcard() throws Exception {
        createJars();
        LocalStackOptions options = LocalStackOptions.parse(new String[] {"--services-dir=" + repo, "--bind=0.0.0.0"},
                new Properties());

        List<ServiceDefinition> services = EtlServices.definitions(options);

        assertThat(services).allSatisfy(service -> assertThat(service.arguments())
                .contains("--server.address=0.0.0.0", "--spring.kafka.bootstrap-servers=127.0.0.1:9092",
                        "--spring.kafka.properties.schema.registry.url=http://127.0.0.1:8081")
                // the password goes in the environment, where ps does not show it
                .noneMatch(argument -> argument.contains("api.password")));
        assertThat(services.get(0).healthUri()).isEqualTo(URI.create("http://127.0.0.1:8091/actuator/health"));
    }

    @Test
    void shouldReachTheServicesOnAnIpv6BindAddressInBrackets() throws Exception {
        createJars();
        LocalStackOptions options = LocalStackOptions.parse(new String[] {"--services-dir=" + repo, "--bind=::1"},
                new Properties());

        ServiceDefinition transformer = EtlServices.definitions(options).getFirst();

        assertThat(transformer.healthUri()).isEqualTo(URI.create("http://[0:0:0:0:0:0:0:1]:8091/actuator/health"));
        assertThat(transformer.arguments()).contains("--server.address=0:0:0:0:0:0:0:1",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/etl");
    }

    private void createJars() throws Exception {
        for (String module : List.of("producer-service", "transformer-service", "dashboard-service")) {
            Files.createFile(Files.createDirectories(repo.resolve(module).resolve("target"))
                    .resolve(module + "-0.1.0-SNAPSHOT-exec.jar"));
        }
    }

    @Test
    void shouldRunTheJarWithTheGivenJavaAndJvmOptions() {
        ServiceDefinition definition = new ServiceDefinition("producer-service", Path.of("/jars/p-exec.jar"),
                URI.create("http://127.0.0.1:8090"), List.of("--server.port=8090"));

        assertThat(definition.command(Path.of("/jdk/bin/java"), List.of("-Xmx512m")))
                .containsExactly("/jdk/bin/java", "-Xmx512m", "-jar", "/jars/p-exec.jar", "--server.port=8090");
    }
}
