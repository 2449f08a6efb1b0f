package org.etlsuite.transformer.urban;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.etlsuite.transformer.streams.VersionedBinarySerde;

/**
 * Binary serde of {@link UrbanHourlyAggregate}, used for the repartition topic, the aggregation
 * store, its changelog, the output topic and the global store. Body of format version 1: readings
 * (long), vehicle count sum (long), then the exact sums of avg speed, pm25, pm10, pollution index and
 * noise.
 */
public final class UrbanHourlyAggregateSerde extends VersionedBinarySerde<UrbanHourlyAggregate> {

    static final byte FORMAT_V1 = 1;

    /** Sums of a few million readings need a few dozen bytes; anything far larger is corrupt input. */
    private static final int MAX_UNSCALED_BYTES = 4096;

    public UrbanHourlyAggregateSerde() {
        super("urban hourly aggregate", FORMAT_V1, MAX_UNSCALED_BYTES);
    }

    @Override
    protected void writeBody(DataOutputStream out, UrbanHourlyAggregate aggregate) throws IOException {
        out.writeLong(aggregate.readings());
        out.writeLong(aggregate.vehicleCountSum());
        writeDecimal(out, aggregate.avgSpeedKmhSum());
        writeDecimal(out, aggregate.pm25Sum());
        writeDecimal(out, aggregate.pm10Sum());
        writeDecimal(out, aggregate.pollutionIdxSum());
        writeDecimal(out, aggregate.noiseDbSum());
    }

    @Override
    protected UrbanHourlyAggregate readBody(DataInputStream in) throws IOException {
        return new UrbanHourlyAggregate(in.readLong(), in.readLong(),
                readDecimal(in), readDecimal(in), readDecimal(in), readDecimal(in), readDecimal(in));
    }
}
