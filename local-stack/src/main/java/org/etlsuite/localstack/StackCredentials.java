package org.etlsuite.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user and password that guard the services' HTTP APIs and the registry's destructive operations, handed to
 * every service as {@code ETL_API_USER} / {@code ETL_API_PASSWORD}.
 *
 * <p>Set in the environment, they win and nothing is written. Otherwise the first start generates a password and
 * keeps it in {@code <data>/.stack/credentials} ({@code user:password}, owner-only), which later starts reuse, so
 * that scripts and bookmarks keep working and deleting the data folder also resets the password.
 *
 * @param file where the credentials are stored; {@code null} when they come from the environment
 */
public record StackCredentials(String user, String password, Path file) {

    public static final String USER_VARIABLE = "ETL_API_USER";
    public static final String PASSWORD_VARIABLE = "ETL_API_PASSWORD";
    /** The services' own default for {@code etl.api.user}. */
    public static final String DEFAULT_USER = "etl";

    /** 256 bits, twice the 128 a password must have at least. */
    private static final int PASSWORD_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Logger log = LoggerFactory.getLogger(StackCredentials.class);

    public StackCredentials {
        if (user.isBlank() || user.contains(":")) {
            // HTTP Basic joins user and password with the first colon
            throw new LocalStackException("The API user must be a non-empty name without ':', not '" + user + "'. Check "
                    + USER_VARIABLE + (file == null ? "." : " and " + file + "."));
        }
    }

    /**
     * @param environment read for {@code ETL_API_USER} and {@code ETL_API_PASSWORD} (a blank value counts as unset)
     * @param file        read, or written on first use, when the environment has no password
     * @throws LocalStackException when the file cannot be read or written, or holds no {@code user:password}
     */
    public static StackCredentials resolve(Map<String, String> environment, Path file) {
        String user = nonBlank(environment.get(USER_VARIABLE));
        String password = nonBlank(environment.get(PASSWORD_VARIABLE));
        if (password != null) {
            return new StackCredentials(user == null ? DEFAULT_USER : user, password, null);
        }
        if (Files.exists(file)) {
            StackCredentials stored = read(file);
            return user == null ? stored : new StackCredentials(user, stored.password(), file);
        }
        StackCredentials generated = new StackCredentials(user == null ? DEFAULT_USER : user, generatePassword(), file);
        write(generated, file);
        log.info("Generated the API password; it is kept in {}", file);
        return generated;
    }

    /** The variables a service reads them from, as environment variables: unlike arguments, {@code ps} does not show them. */
    public Map<String, String> environment() {
        return Map.of(USER_VARIABLE, user, PASSWORD_VARIABLE, password);
    }

    private static String generatePassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        RANDOM.nextBytes(bytes);
        // URL-safe Base64 without padding: letters, digits, '-' and '_', safe in a URL, a shell and curl -u
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static StackCredentials read(Path file) {
        String text;
        try {
            restrictToOwner(file);
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new LocalStackException("Cannot read the API credentials in " + file + ": " + e.getMessage(), e);
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.contains("\n")) {
            throw new LocalStackException(file + " must hold one line 'user:password'. Fix it, delete it to have a new "
                    + "password generated, or set " + PASSWORD_VARIABLE + ".");
        }
        return new StackCredentials(text.substring(0, colon), text.substring(colon + 1), file);
    }

    /** A file loosened by hand (or copied without its mode) is made owner-only again: it holds a password. */
    private static void restrictToOwner(Path file) throws IOException {
        if (isPosix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            log.warn("{} was readable by others; it is owner-only (0600) again", file);
        }
    }

    /**
     * Writes a hidden file created owner-only (so the password is never readable by others, not even for a moment)
     * and renames it into place, so that a crash leaves either no file or a whole one.
     */
    private static void write(StackCredentials credentials, Path file) {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            FileAttribute<?>[] attributes = isPosix()
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp", attributes);
            Files.writeString(temp, credentials.user() + ":" + credentials.password() + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LocalStackException("Cannot write the API credentials to " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // only a leftover temporary file; the next start writes a new one
                }
            }
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Never the password: records print their components. */
    @Override
    public String toString() {
        return "StackCredentials[user=" + user + ", file=" + file + "]";
    }
}
