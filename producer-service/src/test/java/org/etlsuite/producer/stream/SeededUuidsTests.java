package org.etlsuite.producer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class SeededUuidsTests {

    @Test
    void shouldProduceVersion4Rfc4122Uuids() {
        SplittableRandom random = new SplittableRandom(1);

        for (int i = 0; i < 10_000; i++) {
            UUID uuid = SeededUuids.next(random);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        }
    }

    @Test
    void shouldReplayTheSameIdsForTheSameSeedAndOthersForAnotherSeed() {
        assertThat(ids(42L, 1_000)).isEqualTo(ids(42L, 1_000)).doesNotContainAnyElementsOf(ids(43L, 1_000));
    }

    @Test
    void shouldNotRepeatIdsWithinALargeSample() {
        Set<UUID> distinct = new HashSet<>(ids(7L, 200_000));

        assertThat(distinct).hasSize(200_000);
    }

    private static List<UUID> ids(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        return Stream.generate(() -> SeededUuids.next(random)).limit(count).toList();
    }
}
