package org.etlsuite.producer.stream;

import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Version-4 (random) UUIDs drawn from a seeded generator instead of {@link UUID#randomUUID()}, so that the same
 * seed replays the same ids. They are as unique as 122 random bits from the generator are; not for security.
 */
public final class SeededUuids {

    private SeededUuids() {
    }

    public static UUID next(RandomGenerator random) {
        long most = random.nextLong();
        long least = random.nextLong();
        // RFC 9562: version 4 in bits 48..51, variant 0b10 in the two top bits of the low word
        most = (most & ~0xF000L) | 0x4000L;
        least = (least & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }
}
