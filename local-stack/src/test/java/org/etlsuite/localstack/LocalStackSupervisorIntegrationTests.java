package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The real producer-service, packaged, started by the launcher as the stack starts it, against the embedded
 * infrastructure: killed with SIGKILL, it is started again after the first backoff delay and reports UP.
 */
class LocalStackSupervisorIntegrationTests {

    @TempDir
    Path data;

    private final ListAppender<ILoggingEvent> supervisorLog = new ListAppender<>();
    private LocalStack infrastructure;
    private ServiceLauncher launcher;

    @BeforeEach
    void captureTheSupervisorsWarnings() {
        supervisorLog.start();
        ((Logger) LoggerFactory.getLogger(SupervisedService.class)).addAppender(supervisorLog);
    }

    @AfterEach
    void stop() {
        if (launcher != null) {
            launcher.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        ((Logger) LoggerFactory.getLogger(SupervisedService.class)).detachAppender(supervisorLog);
    }

    @Test
    void shouldRestartTheProducerAfterKillDashNine() throws Exception {
        LocalStackOptions options = InfrastructureOptions.withServicesOnFreePorts(data);
        // the fault stacks' user, which ServiceApi sends
        infrastructure = LocalStack.start(InfrastructureOptions.infrastructureOf(options), Map.of(
                StackCredentials.USER_VARIABLE, FaultStack.CREDENTIALS.user(), StackCredentials.PASSWORD_VARIABLE, FaultStack.CREDENTIALS.password()));
        ServiceDefinition producer = EtlServices.definitions(options).stream()
                .filter(service -> service.name().equals(EtlServices.PRODUCER))
                .findFirst().orElseThrow();
        launcher = new ServiceLauncher(ServiceLauncher.currentJava(), options.serviceJvmOptions(), options.directories(),
                infrastructure.credentials().environment(), RestartBackoff.STANDARD);
        launcher.start(List.of(producer), options.startupTimeout());
        ServiceProcess killed = launcher.processes().getFirst();

        ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly();

        Duration firstDelay = RestartBackoff.STANDARD.delay(1);
        await().atMost(firstDelay.plus(options.startupTimeout())).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            ServiceProcess restarted = launcher.processes().getFirst();
            assertThat(restarted.pid()).isNotEqualTo(killed.pid());
            assertThat(restarted.isHealthy()).isTrue();
        });
        Path log = data.resolve(".stack/logs/producer-service.log");
        assertThat(supervisorLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("producer-service exited with code 137; restart 1 in 1 s (log: " + log + ")");
        // the killed run's log is kept: the restart appends to it
        assertThat(Files.readString(log))
                .containsPattern("(?s)Started ProducerApplication.*---- local-stack: producer-service exited with code 137; "
                        + "restart 1 at .* ----.*Started ProducerApplication");

        // and it works: the restarted producer sends a burst to the broker
        URI producerUrl = StackEndpoints.of(options).producerUrl();
        HttpResponse<String> accepted = ServiceApi.send("POST", producerUrl.resolve("/api/streams/urban-sensors/bursts"), "{\"events\": 1000}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        URI burst = producerUrl.resolve(accepted.headers().firstValue("Location").orElseThrow());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ServiceApi.get(burst).get("state").asText().equals("COMPLETED"));
        assertThat(ServiceApi.get(burst).get("acked").asLong()).isEqualTo(1000);
    }
}
