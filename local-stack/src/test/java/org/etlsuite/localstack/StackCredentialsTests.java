package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackCredentialsTests {

    @TempDir
    Path stack;

    @Test
    void shouldGenerateAPasswordOnFirstStartAndKeepItOwnerOnly() throws Exception {
        Path file = stack.resolve("credentials");

        StackCredentials credentials = StackCredentials.resolve(Map.of(), file);

        assertThat(credentials.user()).isEqualTo("etl");
        // 32 random bytes, URL-safe Base64 without padding: 256 bits
        assertThat(credentials.password()).matches("[A-Za-z0-9_-]{43}");
        assertThat(credentials.file()).isEqualTo(file);
        assertThat(Files.readString(file)).isEqualTo("etl:" + credentials.password() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(stack)) {
            // written through a temporary file renamed into place, which is gone
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void shouldReuseTheStoredPasswordOnLaterStarts() throws Exception {
        Path file = stack.resolve("credentials");
        StackCredentials first = StackCredentials.resolve(Map.of(), file);
        String stored = Files.readString(file);

        StackCredentials second = StackCredentials.resolve(Map.of(), file);

        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(file)).isEqualTo(stored);
    }

    @Test
    void shouldGenerateADifferentPasswordForEveryNewDataFolder() {
        StackCredentials one = StackCredentials.resolve(Map.of(), stack.resolve("a/credentials"));
        StackCredentials other = StackCredentials.resolve(Map.of(), stack.resolve("b/credentials"));

        assertThat(one.password()).isNotEqualTo(other.password());
    }

    @Test
    void shouldLetTheEnvironmentWinAndWriteNothing() throws Exception {
        Path file = stack.resolve("credentials");

        StackCredentials credentials = StackCredentials.resolve(
                Map.of("ETL_API_USER", "alice", "ETL_API_PASSWORD", "from-the-env"), file);

        assertThat(credentials).isEqualTo(new StackCredentials("alice", "from-the-env", null));
        assertThat(file).doesNotExist();
    }

    @Test
    void shouldPreferTheEnvironmentOverAStoredPassword() throws Exception {
        Path file = stack.resolve("credentials");
        StackCredentials stored = StackCredentials.resolve(Map.of(), file);

        StackCredentials credentials = StackCredentials.resolve(Map.of("ETL_API_PASSWORD", "from-the-env"), file);

        assertThat(credentials).isEqualTo(new StackCredentials("etl", "from-the-env", null));
        assertThat(Files.readString(file)).isEqualTo("etl:" + stored.password() + "\n");
    }

    @Test
    void shouldTakeABlankPasswordVariableAsUnset() {
        StackCredentials credentials = StackCredentials.resolve(Map.of("ETL_API_PASSWORD", " "), stack.resolve("credentials"));

        assertThat(credentials.password()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void shouldMakeAStoredFileOwnerOnlyAgain() throws Exception {
        Path file = stack.resolve("credentials");
        Files.writeString(file, "etl:kept-by-hand\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        StackCredentials credentials = StackCredentials.resolve(Map.of(), file);

        assertThat(credentials.password()).isEqualTo("kept-by-hand");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void shouldRefuseAFileWithoutUserAndPassword() throws Exception {
        Path file = stack.resolve("credentials");
        Files.writeString(file, "only-a-password\n");

        assertThatThrownBy(() -> StackCredentials.resolve(Map.of(), file))
                .isInstanceOf(LocalStackException.class)
                .hasMessage(file + " must hold one line 'user:password'. Fix it, delete it to have a new password "
                        + "generated, or set ETL_API_PASSWORD.");
    }

    @Test
    void shouldRefuseAUserWithAColon() {
        assertThatThrownBy(() -> StackCredentials.resolve(Map.of("ETL_API_USER", "a:b", "ETL_API_PASSWORD", "x"),
                stack.resolve("credentials")))
                .isInstanceOf(LocalStackException.class)
                .hasMessage("The API user must be a non-empty name without ':', not 'a:b'. Check ETL_API_USER.");
    }

    @Test
    void shouldHandBothToTheServicesAsTheirVariablesButNeverPrintThePassword() {
        StackCredentials credentials = new StackCredentials("etl", "s3cret", null);

        assertThat(credentials.environment())
                .containsOnly(Map.entry("ETL_API_USER", "etl"), Map.entry("ETL_API_PASSWORD", "s3cret"));
        assertThat(credentials.toString()).doesNotContain("s3cret");
    }
}
