package org.etlsuite.transformer.kpi;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.etlsuite.transformer.kafkastreams.VersionedBinarySerde;

/**
 * Binary serde of {@link Tally} for the task stores, their changelogs, the {@code <stream>.kpis-by-partition} topic
 * and the global store. Body of format version 1: count (long), units (long), amount (exact decimal).
 */
public final class TallySerde extends VersionedBinarySerde<Tally> {

    static final byte FORMAT_V1 = 1;

    /** Sums of billions of cents need a handful of bytes; anything far larger is corrupt input. */
    private static final int MAX_UNSCALED_BYTES = 1024;

    public TallySerde() {
        super("tally", FORMAT_V1, MAX_UNSCALED_BYTES);
    }

    @Override
    protected void writeBody(DataOutputStream out, Tally tally) throws IOException {
        out.writeLong(tally.count());
        out.writeLong(tally.units());
        writeDecimal(out, tally.amount());
    }

    @Override
    protected Tally readBody(DataInputStream in) throws IOException {
        return new Tally(in.readLong(), in.readLong(), readDecimal(in));
    }
}
