package org.etlsuite.transformer.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces files so that a reader sees either the old or the new content, never a half-written
 * file: the content goes to a hidden temporary file in the same folder (same file system), is
 * forced to disk, then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}, and
 * the folder is forced to disk too so the rename itself survives a crash.
 *
 * <p>On POSIX file systems the file is {@code rw-r--r--}: readers such as the dashboard may run
 * under another user (a container, a bind mount), and the file carries no secrets.
 *
 * <p>A file whose content would not change is left alone, so readers that watch modification
 * times (the dashboard caches by it) do not reload for nothing. The writer remembers the SHA-256
 * of what it last wrote per file, with the file's identity, size and modification time right after
 * the write; a file it has not written yet, or one that changed on disk since (a folder restored
 * from a copy after an outage, a file replaced by hand), is hashed again from disk. So what the next
 * write compares with is always what is on disk, and a stale file is never taken for a current one.
 */
public final class AtomicFileWriter {

    /** rw-r--r--: the owner writes, everyone reads. */
    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    private final Map<Path, Written> lastWritten = new ConcurrentHashMap<>();

    /** The digest of a file's content as it was when the file had these attributes. */
    private record Written(String sha256, Object fileKey, long size, FileTime modified) {

        Written(String sha256, BasicFileAttributes attributes) {
            this(sha256, attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
        }

        boolean describes(BasicFileAttributes attributes) {
            return Objects.equals(fileKey, attributes.fileKey()) && size == attributes.size()
                    && modified.equals(attributes.lastModifiedTime());
        }
    }

    /** What a call did. @param sha256 hex SHA-256 of the content now in the file */
    public record Outcome(boolean written, String sha256) {
    }

    public Outcome writeIfChanged(Path target, byte[] content) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        String digest = sha256(content);
        String previous = digestOnDisk(file);
        if (digest.equals(previous)) {
            return new Outcome(false, digest);
        }
        Path folder = file.getParent();
        Files.createDirectories(folder);
        // Hidden name and .tmp suffix: globbing readers (*.csv) never pick up a partial file.
        Path temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp");
        try {
            makeReadableByAll(temp);
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
        forceDirectory(folder);
        remember(file, digest);
        return new Outcome(true, digest);
    }

    /** The SHA-256 of the file's current content, null when there is no regular file. */
    private String digestOnDisk(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            lastWritten.remove(file);
            return null;
        }
        if (!attributes.isRegularFile()) {
            lastWritten.remove(file);
            return null;
        }
        Written written = lastWritten.get(file);
        if (written != null && written.describes(attributes)) {
            return written.sha256();
        }
        String digest = sha256OfFile(file);
        lastWritten.put(file, new Written(digest, attributes));
        return digest;
    }

    private void remember(Path file, String digest) {
        try {
            lastWritten.put(file, new Written(digest, Files.readAttributes(file, BasicFileAttributes.class)));
        } catch (IOException e) {
            // hashed again from disk on the next write
            lastWritten.remove(file);
        }
    }

    /** Writes a file's content into the given (empty, existing) temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temp) throws IOException;
    }

    /**
     * Replaces the target with whatever {@code content} writes, with the same guarantees as
     * {@link #writeIfChanged}: a hidden temporary file in the same folder, forced to disk, renamed over
     * the target with ATOMIC_MOVE. For files too large to build in memory, which are streamed to disk
     * instead; always written, since comparing would need the whole content.
     */
    public void replace(Path target, Content content) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        write(file, content, true);
        lastWritten.remove(file);
    }

    /**
     * Creates the target, which must not exist yet, from whatever {@code content} writes, with the
     * guarantees of {@link #replace}: readers see no file or the whole file. For append-only folders
     * (the Parquet dataset), whose files are never rewritten: an existing target is left as it is and
     * the call fails with {@link FileAlreadyExistsException}. The check before the rename is not one
     * atomic step with it; it catches a writer that lost track of what it wrote, not two writers racing.
     * Nothing is remembered per file (unlike the other writes), so the writer's memory does not grow
     * with the number of files created.
     */
    public void create(Path target, Content content) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        write(file, content, false);
    }

    private static void write(Path file, Content content, boolean replaceExisting) throws IOException {
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp");
        try {
            makeReadableByAll(temp);
            content.writeTo(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            if (replaceExisting) {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(file.toString());
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(folder);
    }

    /**
     * createTempFile makes the file rw------- (and a permission attribute given at creation would
     * still be narrowed by the umask), so the permissions are set afterwards, which the umask does
     * not touch. The rename keeps them. Non-POSIX file systems keep their defaults.
     */
    private static void makeReadableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, FILE_PERMISSIONS);
        }
    }

    /**
     * Forces the folder's entries (the rename) to disk: without it a crash shortly after the move
     * can bring back the old file. Best effort: some platforms (Windows) cannot open a folder as a
     * channel, and there the rename is as durable as the platform makes it.
     */
    private static void forceDirectory(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // not supported here; the file content itself is already on disk
        }
    }

    public static String sha256(byte[] content) {
        return HexFormat.of().formatHex(newSha256().digest(content));
    }

    /** A fresh SHA-256 digest, the one hash of every file written to the shared volume. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
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
