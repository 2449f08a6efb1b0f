package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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

/** The launcher with a stand-in service jar: credentials in the environment, restarts after an exit, none after close. */
class ServiceLauncherTests {

    private static final Map<String, String> CREDENTIALS = Map.of(
            StackCredentials.USER_VARIABLE, "etl", StackCredentials.PASSWORD_VARIABLE, "s3cret-for-the-fake");
    /** Quick restarts: the mechanism is the same as with the standard backoff. */
    private static final RestartBackoff QUICK = new RestartBackoff(Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofMinutes(1));

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> supervisorLog = new ListAppender<>();
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
        ((Logger) LoggerFactory.getLogger(SupervisedService.class)).detachAppender(supervisorLog);
    }

    @Test
    void shouldHandTheApiCredentialsToTheServiceInItsEnvironment() throws Exception {
        ServiceDefinition fake = fake("up");
        launcher = launcher(QUICK);

        launcher.start(List.of(fake), Duration.ofSeconds(30));

        assertThat(check(fake, "etl", "s3cret-for-the-fake")).isEqualTo(204);
        assertThat(check(fake, "etl", "a-guess")).isEqualTo(401);
    }

    @Test
    void shouldRestartAServiceThatWasKilledAndLogTheExit() throws Exception {
        ServiceDefinition fake = fake("up");
        launcher = launcher(QUICK);
        launcher.start(List.of(fake), Duration.ofSeconds(30));
        ServiceProcess first = launcher.processes().getFirst();

        ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ServiceProcess now = launcher.processes().getFirst();
            assertThat(now.pid()).isNotEqualTo(first.pid());
            assertThat(now.isHealthy()).isTrue();
        });
        assertThat(messages()).containsExactly("fake exited with code 137; restart 1 in 200 ms (log: "
                + dir.resolve(".stack/logs/fake.log") + ")");
        // the killed run's output is kept, followed by the restart's
        assertThat(Files.readString(dir.resolve(".stack/logs/fake.log")))
                .containsPattern("(?s)listening on " + fake.port() + ".*---- local-stack: fake exited with code 137; "
                        + "restart 1 at .* ----.*listening on " + fake.port());
        assertThat(check(fake, "etl", "s3cret-for-the-fake")).isEqualTo(204);
    }

    @Test
    void shouldDoubleTheWaitForEveryRestartInARow() throws Exception {
        ServiceDefinition fake = fake("up");
        launcher = launcher(QUICK);
        launcher.start(List.of(fake), Duration.ofSeconds(30));

        for (int restart = 1; restart <= 3; restart++) {
            ServiceProcess running = launcher.processes().getFirst();
            ProcessHandle.of(running.pid()).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).until(() -> launcher.processes().getFirst().pid() != running.pid()
                    && launcher.processes().getFirst().isHealthy());
        }

        assertThat(messages()).extracting(m -> m.substring(0, m.indexOf(" (log:")))
                .containsExactly(
                        "fake exited with code 137; restart 1 in 200 ms",
                        "fake exited with code 137; restart 2 in 400 ms",
                        "fake exited with code 137; restart 3 in 800 ms");
    }

    @Test
    void shouldRestartNothingWhenTheLauncherCloses() throws Exception {
        ServiceDefinition fake = fake("up");
        // no wait at all: a restart on close would start at once
        launcher = launcher(new RestartBackoff(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1)));
        launcher.start(List.of(fake), Duration.ofSeconds(30));
        ServiceProcess running = launcher.processes().getFirst();

        launcher.close();

        // close() returns once the exit has been handled, so any restart would already show
        assertThat(running.isAlive()).isFalse();
        assertThat(launcher.processes()).containsExactly(running);
        assertThat(messages()).isEmpty();
        assertThat(Files.readString(dir.resolve(".stack/logs/fake.log"))).doesNotContain("local-stack:");
    }

    @Test
    void shouldNotRestartAServiceThatFailsBeforeItsFirstUp() throws Exception {
        ServiceDefinition crashing = fake("crash");
        launcher = launcher(new RestartBackoff(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1)));

        assertThatThrownBy(() -> launcher.start(List.of(crashing), Duration.ofSeconds(30)))
                .isInstanceOf(LocalStackException.class)
                .hasMessage("fake exited with code 3 while starting; see " + dir.resolve(".stack/logs/fake.log"));
        launcher.close();

        assertThat(messages()).isEmpty();
        assertThat(Files.readString(dir.resolve(".stack/logs/fake.log")))
                .isEqualTo("fake service: cannot reach the broker, giving up" + System.lineSeparator());
    }

    private ServiceLauncher launcher(RestartBackoff backoff) {
        return new ServiceLauncher(ServiceLauncher.currentJava(), List.of(), new StackDirectories(dir), CREDENTIALS, backoff);
    }

    private ServiceDefinition fake(String mode) {
        int port = FreePorts.one();
        return new ServiceDefinition("fake", FakeServiceJar.build(dir), URI.create("http://127.0.0.1:" + port),
                List.of(mode, String.valueOf(port)));
    }

    private int check(ServiceDefinition service, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(service.url().resolve("/api/check"))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private List<String> messages() {
        return supervisorLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
