package org.etlsuite.transformer.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.apache.parquet.io.PositionOutputStream;
import org.etlsuite.transformer.csv.AtomicFileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashingOutputFileTests {

    @TempDir
    Path folder;

    @Test
    void hashesExactlyTheBytesThatReachTheFile() throws IOException {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        Path path = folder.resolve("out.bin");
        Files.createFile(path);
        HashingOutputFile file = new HashingOutputFile(path);

        try (PositionOutputStream out = file.createOrOverwrite(0)) {
            out.write(content[0]);
            assertThat(out.getPos()).isEqualTo(1);
            out.write(content, 1, 99_999);
            out.write(content, 100_000, 200_000);
            assertThat(out.getPos()).isEqualTo(300_000);
        }

        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        assertThat(file.sha256()).isEqualTo(AtomicFileWriter.sha256(content));
    }

    @Test
    void hasNoHashBeforeTheStreamIsClosed() throws IOException {
        HashingOutputFile file = new HashingOutputFile(folder.resolve("out.bin"));
        try (PositionOutputStream out = file.create(0)) {
            out.write(1);
            assertThatThrownBy(file::sha256).isInstanceOf(IllegalStateException.class);
        }
        assertThat(file.sha256()).isEqualTo(AtomicFileWriter.sha256(new byte[] {1}));
    }

    @Test
    void createRefusesAnExistingFile() throws IOException {
        Path path = Files.writeString(folder.resolve("out.bin"), "kept");

        assertThatThrownBy(() -> new HashingOutputFile(path).create(0)).isInstanceOf(IOException.class);
        assertThat(Files.readString(path)).isEqualTo("kept");
    }
}
