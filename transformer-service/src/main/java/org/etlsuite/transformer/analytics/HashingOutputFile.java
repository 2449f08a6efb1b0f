package org.etlsuite.transformer.analytics;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.etlsuite.transformer.csv.AtomicFileWriter;

/**
 * A local file for Parquet's writer that hashes the bytes on their way to disk: the SHA-256 of a file
 * of any size is known the moment the writer closes it, without reading it back.
 *
 * <p>One file, one stream: the digest covers exactly the bytes of the stream that was opened last, so
 * a writer that opened the file twice would get the hash of the second attempt only; Parquet's writer
 * opens it once.
 */
final class HashingOutputFile implements OutputFile {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path path;
    private String sha256;

    HashingOutputFile(Path path) {
        this.path = path;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        return open(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return open(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return -1;
    }

    @Override
    public String getPath() {
        return path.toString();
    }

    /** Hex SHA-256 of everything written, once the stream is closed. */
    String sha256() {
        if (sha256 == null) {
            throw new IllegalStateException("the file " + path + " has not been written and closed yet");
        }
        return sha256;
    }

    private PositionOutputStream open(OpenOption... options) throws IOException {
        sha256 = null;
        MessageDigest digest = AtomicFileWriter.newSha256();
        return new HashingStream(new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(path, options), BUFFER_BYTES), digest),
                digest);
    }

    private final class HashingStream extends PositionOutputStream {

        /** Hashes what it writes (a DigestOutputStream over the buffered file stream). */
        private final OutputStream out;
        private final MessageDigest digest;
        private long position;
        private boolean closed;

        HashingStream(OutputStream out, MessageDigest digest) {
            this.out = out;
            this.digest = digest;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            position += length;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            out.close();
            // only once every byte reached the file: a failed close leaves no hash that could be recorded
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
    }
}
