package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTests {

    @TempDir
    Path logs;

    private final List<ServiceProcess> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(p -> p.awaitStopped(Duration.ZERO));
    }

    @Test
    void shouldReturnOnceTheServiceReportsUpAndWriteItsOutputToTheLogFile() throws Exception {
        int port = FreePorts.one();
        ServiceProcess process = start("fake", "up", String.valueOf(port));

        process.awaitHealthy(Duration.ofSeconds(30));

        assertThat(process.isAlive()).isTrue();
        assertThat(Files.readString(logs.resolve("fake.log"))).contains("fake service: listening on " + port);
    }

    @Test
    void shouldNameTheExitCodeAndLogFileWhenTheServiceDiesWhileStarting() throws Exception {
        ServiceProcess process = start("fake", "crash");

        assertThatThrownBy(() -> process.awaitHealthy(Duration.ofSeconds(30)))
                .isInstanceOf(LocalStackException.class)
                .hasMessage("fake exited with code 3 while starting; see " + logs.resolve("fake.log"));
        assertThat(Files.readString(logs.resolve("fake.log")))
                .isEqualTo("fake service: cannot reach the broker, giving up" + System.lineSeparator());
    }

    @Test
    void shouldNameTheLogFileWhenTheServiceIsNotUpInTime() {
        // the health port is never served, the process just stays alive
        int port = FreePorts.one();
        ServiceProcess process = start("fake", "up", String.valueOf(FreePorts.one()), port);

        assertThatThrownBy(() -> process.awaitHealthy(Duration.ofSeconds(1)))
                .isInstanceOf(LocalStackException.class)
                .hasMessage("fake did not report UP at http://localhost:" + port + "/actuator/health within 1 s; see "
                        + logs.resolve("fake.log"));
    }

    @Test
    void shouldEndWithinTheGracePeriodAfterSigterm() {
        ServiceProcess process = start("fake", "up", String.valueOf(FreePorts.one()));
        process.awaitHealthy(Duration.ofSeconds(30));

        process.requestStop();

        assertThat(process.awaitStopped(Duration.ofSeconds(30))).isTrue();
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void shouldKillAServiceThatIgnoresSigtermAfterTheGracePeriod() {
        ServiceProcess process = start("fake", "stubborn", String.valueOf(FreePorts.one()));
        process.awaitHealthy(Duration.ofSeconds(30));

        process.requestStop();

        assertThat(process.awaitStopped(Duration.ofMillis(500))).isFalse();
        assertThat(process.isAlive()).isFalse();
    }

    private ServiceProcess start(String name, String mode, String port) {
        return start(name, mode, port, Integer.parseInt(port));
    }

    private ServiceProcess start(String name, String mode) {
        return start(name, mode, "0", 1);
    }

    private ServiceProcess start(String name, String mode, String port, int healthPort) {
        List<String> command = new ArrayList<>(List.of(ServiceLauncher.currentJava().toString(), "-cp",
                testClasses(), FakeService.class.getName(), mode));
        command.add(port);
        ServiceProcess process = ServiceProcess.start(name, command, Map.of(), logs.resolve(name + ".log"),
                URI.create("http://localhost:" + healthPort + "/actuator/health"));
        started.add(process);
        return process;
    }

    private static String testClasses() {
        return FakeServiceJar.testClasses().toString();
    }
}
