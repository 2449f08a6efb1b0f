package org.etlsuite.transformer.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceOffsetsTests {

    @Test
    void shouldBeEmptyBeforeAnyOffset() {
        SourceOffsets offsets = new SourceOffsets();

        assertThat(offsets.count()).isZero();
        assertThat(offsets.contains(0, 0)).isFalse();
    }

    @Test
    void shouldKeepPartitionsApart() {
        SourceOffsets offsets = new SourceOffsets();
        offsets.add(0, 10);
        offsets.add(0, 12);
        offsets.add(2, 11);

        assertThat(offsets.count()).isEqualTo(3);
        assertThat(offsets.contains(0, 10)).isTrue();
        assertThat(offsets.contains(0, 12)).isTrue();
        assertThat(offsets.contains(2, 11)).isTrue();
        // the same offset in another partition is another event
        assertThat(offsets.contains(2, 10)).isFalse();
        assertThat(offsets.contains(0, 11)).isFalse();
        assertThat(offsets.contains(1, 10)).isFalse();
    }

    @Test
    void shouldNotSeeTheUnusedTailOfTheArray() {
        // the array starts with 1024 zero slots: offset 0 must only count once it was added
        SourceOffsets offsets = new SourceOffsets();
        offsets.add(0, 5);

        assertThat(offsets.contains(0, 0)).isFalse();
        assertThat(offsets.contains(0, 5)).isTrue();
    }

    @Test
    void shouldGrowBeyondTheInitialCapacity() {
        SourceOffsets offsets = new SourceOffsets();
        // even offsets only, as a compacted or transactional topic leaves gaps
        for (long offset = 0; offset < 10_000; offset += 2) {
            offsets.add(3, offset);
        }
        for (long offset = 0; offset < 1_500; offset++) {
            offsets.add(4, offset);
        }

        assertThat(offsets.count()).isEqualTo(6_500);
        assertThat(offsets.contains(3, 0)).isTrue();
        assertThat(offsets.contains(3, 2_046)).isTrue();
        assertThat(offsets.contains(3, 2_048)).isTrue();
        assertThat(offsets.contains(3, 9_998)).isTrue();
        assertThat(offsets.contains(3, 4_097)).isFalse();
        assertThat(offsets.contains(3, 10_000)).isFalse();
        assertThat(offsets.contains(4, 1_023)).isTrue();
        assertThat(offsets.contains(4, 1_024)).isTrue();
        assertThat(offsets.contains(4, 1_499)).isTrue();
        assertThat(offsets.contains(4, 1_500)).isFalse();
    }

    @Test
    void shouldRefuseRepeatedOffsetInAPartition() {
        SourceOffsets offsets = new SourceOffsets();
        offsets.add(1, 7);

        assertThatThrownBy(() -> offsets.add(1, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Offsets must increase per partition: 7 after 7");
        assertThat(offsets.count()).isEqualTo(1);
    }

    @Test
    void shouldRefuseDecreasingOffsetInAPartitionButNotInAnother() {
        SourceOffsets offsets = new SourceOffsets();
        offsets.add(1, 7);

        assertThatThrownBy(() -> offsets.add(1, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Offsets must increase per partition: 6 after 7");
        offsets.add(2, 6);
        assertThat(offsets.count()).isEqualTo(2);
    }
}
