package org.etlsuite.transformer.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFileWriterTests {

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

    @TempDir
    Path dataDir;

    private final AtomicFileWriter writer = new AtomicFileWriter();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void shouldCreateTheFolderAndWriteExactlyTheGivenBytes() throws IOException, NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        Path target = dataDir.resolve("processed/kpi.csv");

        AtomicFileWriter.Outcome outcome = writer.writeIfChanged(target, utf8("a,b\n1,2\n"));

        assertThat(outcome.written()).isTrue();
        assertThat(Files.readString(target)).isEqualTo("a,b\n1,2\n");
        assertThat(outcome.sha256()).isEqualTo(HexFormat.of().formatHex(sha256.digest(utf8("a,b\n1,2\n"))));
    }

    @Test
    void shouldLeaveNoTemporaryFileBehind() throws IOException {
        Path target = dataDir.resolve("processed/kpi.csv");

        writer.writeIfChanged(target, utf8("v1\n"));
        writer.writeIfChanged(target, utf8("v2\n"));
        writer.writeIfChanged(target, utf8("v2\n"));

        assertThat(filesIn(target.getParent())).containsExactly("kpi.csv");
        assertThat(Files.readString(target)).isEqualTo("v2\n");
    }

    @Test
    void shouldNotRewriteAFileWhoseContentIsUnchanged() throws IOException {
        Path target = dataDir.resolve("kpi.csv");
        writer.writeIfChanged(target, utf8("same\n"));
        Files.setLastModifiedTime(target, LONG_AGO);
        Object fileKey = Files.readAttributes(target, BasicFileAttributes.class).fileKey();

        AtomicFileWriter.Outcome outcome = writer.writeIfChanged(target, utf8("same\n"));

        assertThat(outcome.written()).isFalse();
        assertThat(outcome.sha256()).isEqualTo(AtomicFileWriter.sha256(utf8("same\n")));
        assertThat(Files.getLastModifiedTime(target)).isEqualTo(LONG_AGO);
        assertThat(Files.readAttributes(target, BasicFileAttributes.class).fileKey()).isEqualTo(fileKey);
    }

    @Test
    void shouldNotRewriteAnIdenticalFileLeftByAnEarlierRun() throws IOException {
        Path target = dataDir.resolve("kpi.csv");
        Files.writeString(target, "from before\n");
        Files.setLastModifiedTime(target, LONG_AGO);

        AtomicFileWriter.Outcome outcome = new AtomicFileWriter().writeIfChanged(target, utf8("from before\n"));

        assertThat(outcome.written()).isFalse();
        assertThat(Files.getLastModifiedTime(target)).isEqualTo(LONG_AGO);
    }

    @Test
    void shouldReplaceTheFileWhenTheContentChanged() throws IOException {
        Path target = dataDir.resolve("kpi.csv");
        writer.writeIfChanged(target, utf8("old\n"));
        Files.setLastModifiedTime(target, LONG_AGO);

        AtomicFileWriter.Outcome outcome = writer.writeIfChanged(target, utf8("new\n"));

        assertThat(outcome.written()).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new\n");
        assertThat(Files.getLastModifiedTime(target)).isNotEqualTo(LONG_AGO);
    }

    @Test
    void shouldRewriteAFileThatWasDeleted() throws IOException {
        Path target = dataDir.resolve("kpi.csv");
        writer.writeIfChanged(target, utf8("content\n"));
        Files.delete(target);

        AtomicFileWriter.Outcome outcome = writer.writeIfChanged(target, utf8("content\n"));

        assertThat(outcome.written()).isTrue();
        assertThat(Files.readString(target)).isEqualTo("content\n");
    }

    @Test
    void shouldRewriteAFileRestoredBehindItsBackWithOlderContent() throws IOException {
        // what an operator does after an outage of the folder: the folder comes back from a copy
        Path target = dataDir.resolve("processed/kpi.csv");
        writer.writeIfChanged(target, utf8("readings\n10\n"));
        Path copy = Files.copy(target, dataDir.resolve("kpi.csv.copy"));
        writer.writeIfChanged(target, utf8("readings\n25\n"));
        Files.move(copy, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        AtomicFileWriter.Outcome outcome = writer.writeIfChanged(target, utf8("readings\n25\n"));

        assertThat(outcome.written()).isTrue();
        assertThat(Files.readString(target)).isEqualTo("readings\n25\n");
    }

    private void assumePosix() {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file permissions");
    }

    @Test
    void shouldMakeTheFileReadableByGroupAndOthers() throws IOException {
        assumePosix();
        Path target = dataDir.resolve("processed/kpi.csv");

        writer.writeIfChanged(target, utf8("a,b\n"));

        // Readers such as the dashboard may run under another user id (containers, bind mounts).
        assertThat(Files.getPosixFilePermissions(target))
                .contains(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ)
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void shouldReplaceAnOwnerOnlyFileWithOneReadableByAll() throws IOException {
        assumePosix();
        Path target = dataDir.resolve("kpi.csv");
        Files.writeString(target, "old\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));

        writer.writeIfChanged(target, utf8("new\n"));

        assertThat(Files.readString(target)).isEqualTo("new\n");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void shouldCreateANewFileFromStreamedContentReadableByAll() throws IOException {
        Path target = dataDir.resolve("analytics/dataset/exported=2026-03-01/part-0-0-10.parquet");

        writer.create(target, temp -> {
            assertThat(temp.getFileName().toString()).as("hidden while written").startsWith(".").endsWith(".tmp");
            assertThat(target).as("not visible before the rename").doesNotExist();
            Files.writeString(temp, "rows");
        });

        assertThat(Files.readString(target)).isEqualTo("rows");
        assertThat(filesIn(target.getParent())).containsExactly("part-0-0-10.parquet");
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(target)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void shouldNeverReplaceAnExistingFileWhenCreating() throws IOException {
        Path target = dataDir.resolve("part-0-0-10.parquet");
        Files.writeString(target, "first");
        boolean[] called = {false};

        assertThatThrownBy(() -> writer.create(target, temp -> called[0] = true)).isInstanceOf(FileAlreadyExistsException.class);

        assertThat(called[0]).as("nothing written for nothing").isFalse();
        assertThat(Files.readString(target)).isEqualTo("first");
        assertThat(filesIn(dataDir)).containsExactly("part-0-0-10.parquet");
    }

    @Test
    void shouldLeaveNothingWhenTheContentFails() throws IOException {
        Path target = dataDir.resolve("exported=2026-03-01/part-0-0-10.parquet");

        assertThatThrownBy(() -> writer.create(target, temp -> {
            Files.writeString(temp, "half");
            throw new IOException("broker gone");
        })).hasMessage("broker gone");

        assertThat(filesIn(target.getParent())).isEmpty();
    }

    @Test
    void shouldReportTheSha256OfTheContent() {
        // SHA-256 of the three bytes "abc" (FIPS 180-2 test vector).
        assertThat(AtomicFileWriter.sha256(utf8("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
