package org.etlsuite.transformer.urban;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.etlsuite.transformer.kpi.ExactSum;
import org.etlsuite.transformer.kafkastreams.VersionedBinarySerde;

/**
 * Binary serde of {@link UrbanHourlyAggregate}, used for the task stores, their changelogs, the
 * {@code urban-sensors.hourly-by-partition} topic and the global store. Body of format version 2: readings
 * (long), vehicle count sum (long), then the exact binary sums ({@link ExactSum})
 * of avg speed, pm25, pm10, pollution index and noise. (Version 1 held decimal sums; no topic of this
 * release holds it.)
 */
public final class UrbanHourlyAggregateSerde extends VersionedBinarySerde<UrbanHourlyAggregate> {

    static final byte FORMAT_V2 = 2;

    /** Sums of a few million readings need a few dozen bytes; anything far larger is corrupt input. */
    private static final int MAX_UNSCALED_BYTES = 4096;

    public UrbanHourlyAggregateSerde() {
        super("urban hourly aggregate", FORMAT_V2, MAX_UNSCALED_BYTES);
    }

    @Override
    protected void writeBody(DataOutputStream out, UrbanHourlyAggregate aggregate) throws IOException {
        out.writeLong(aggregate.readings());
        out.writeLong(aggregate.vehicleCountSum());
        writeExactSum(out, aggregate.avgSpeedKmhSum());
        writeExactSum(out, aggregate.pm25Sum());
        writeExactSum(out, aggregate.pm10Sum());
        writeExactSum(out, aggregate.pollutionIdxSum());
        writeExactSum(out, aggregate.noiseDbSum());
    }

    @Override
    protected UrbanHourlyAggregate readBody(DataInputStream in) throws IOException {
        return new UrbanHourlyAggregate(in.readLong(), in.readLong(),
                readExactSum(in), readExactSum(in), readExactSum(in), readExactSum(in), readExactSum(in));
    }

    /** Scale (int), then the units as an integer: the same layout as a decimal. */
    private static void writeExactSum(DataOutputStream out, ExactSum value) throws IOException {
        out.writeInt(value.scale());
        writeInteger(out, value.units());
    }

    private ExactSum readExactSum(DataInputStream in) throws IOException {
        int scale = in.readInt();
        return new ExactSum(readInteger(in), scale);
    }
}
