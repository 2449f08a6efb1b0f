package org.etlsuite.dashboard.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.etlsuite.dashboard.csv.CsvFileSnapshot;
import org.junit.jupiter.api.Test;

/**
 * The version of a page's files. The digests are the first 16 hex digits of the SHA-256 of the files' versions,
 * one a line: e.g. {@code 3e8-1741944600.0} for 1,000 bytes written at 2025-03-14T09:30:00Z.
 */
class DataVersionTests {

    private static final Instant WRITTEN = Instant.parse("2025-03-14T09:30:00Z");
    private static final Path FIRST = Path.of("processed", "first.csv");
    private static final Path SECOND = Path.of("processed", "second.csv");

    @Test
    void shouldBeNoneWhileNoFileExists() {
        DataVersion version = DataVersion.of(List.of(new CsvFileSnapshot.Missing<>(FIRST), new CsvFileSnapshot.Missing<>(SECOND)));

        assertThat(version).isEqualTo(new DataVersion("none", null));
    }

    @Test
    void shouldDigestSizeAndLastModifiedTimeOfAFile() {
        DataVersion version = DataVersion.of(List.of(loaded(FIRST, 1_000, WRITTEN)));

        assertThat(version).isEqualTo(new DataVersion("5b86d9dc2d607f89", WRITTEN));
    }

    @Test
    void shouldChangeWithTheSizeOrTheTimeOfAFile() {
        String written = DataVersion.of(List.of(loaded(FIRST, 1_000, WRITTEN))).version();

        assertThat(DataVersion.of(List.of(loaded(FIRST, 1_001, WRITTEN))).version()).isNotEqualTo(written);
        assertThat(DataVersion.of(List.of(loaded(FIRST, 1_000, WRITTEN.plusNanos(1)))).version()).isNotEqualTo(written);
        assertThat(DataVersion.of(List.of(loaded(FIRST, 1_000, WRITTEN))).version()).isEqualTo(written);
    }

    @Test
    void shouldCountAMissingFileOfSeveralAsAVersionOfItsOwn() {
        DataVersion version = DataVersion.of(List.of(loaded(FIRST, 1_000, WRITTEN), new CsvFileSnapshot.Missing<>(SECOND)));

        assertThat(version).isEqualTo(new DataVersion("a3217373c1b64c77", WRITTEN));
    }

    @Test
    void shouldTellBrokenFilesApartByTheirErrorAndLeaveThemUndated() {
        DataVersion broken = DataVersion.of(List.of(new CsvFileSnapshot.Unreadable<>(FIRST, "first.csv line 2: column 'n': 'x' is not a number")));
        DataVersion otherwiseBroken = DataVersion.of(List.of(new CsvFileSnapshot.Unreadable<>(FIRST, "first.csv line 3: column 'n': 'y' is not a number")));

        assertThat(broken.version()).isNotEqualTo(DataVersion.NONE).isNotEqualTo(otherwiseBroken.version()).hasSize(16);
        assertThat(broken.updated()).isNull();
    }

    @Test
    void shouldBeDatedByTheNewestFile() {
        DataVersion version = DataVersion.of(List.of(loaded(FIRST, 10, WRITTEN.plusSeconds(90)), loaded(SECOND, 20, WRITTEN)));

        assertThat(version.updated()).isEqualTo(WRITTEN.plusSeconds(90));
    }

    private static CsvFileSnapshot.Loaded<String> loaded(Path file, long size, Instant lastModified) {
        return new CsvFileSnapshot.Loaded<>(file, lastModified, size, "content");
    }
}
