package org.etlsuite.transformer.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces files so that a reader sees either the old or the new content, never a half-written
 * file: the content goes to a hidden temporary file in the same folder (same file system), is
 * forced to disk, then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}.
 *
 * <p>A file whose content would not change is left alone, so readers that watch modification
 * times (the dashboard caches by it) do not reload for nothing. The writer remembers the SHA-256
 * of what it last wrote per file and, for a file it has not written yet, hashes what is on disk.
 */
public final class AtomicFileWriter {

    private final Map<Path, String> lastWritten = new ConcurrentHashMap<>();

    /** What a call did. @param sha256 hex SHA-256 of the content now in the file */
    public record Outcome(boolean written, String sha256) {
    }

    public Outcome writeIfChanged(Path target, byte[] content) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        String digest = sha256(content);
        String previous = Files.isRegularFile(file)
                ? lastWritten.computeIfAbsent(file, AtomicFileWriter::sha256OfFile)
                : null;
        if (digest.equals(previous)) {
            return new Outcome(false, digest);
        }
        Path folder = file.getParent();
        Files.createDirectories(folder);
        // Hidden name and .tmp suffix: globbing readers (*.csv) never pick up a partial file.
        Path temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // Without this a crash right after the rename could leave an empty file behind the new name.
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        lastWritten.put(file, digest);
        return new Outcome(true, digest);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static String sha256OfFile(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            // Unreadable: treat as different, so the next write replaces it.
            return "";
        }
    }
}
