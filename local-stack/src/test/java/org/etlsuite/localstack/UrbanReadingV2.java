package org.etlsuite.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.etlsuite.events.urban.UrbanSensorReading;

/**
 * A compatible second version of the urban reading schema, as an external producer would write it: v1 plus an
 * optional field (a union with null, default null). Readers of v1 skip the field; readers of v2 default it to null
 * for v1 data.
 */
final class UrbanReadingV2 {

    static final Schema V1 = UrbanSensorReading.getClassSchema();
    static final String NEW_FIELD = "firmware_version";
    static final Schema SCHEMA = evolved(fields -> {
        fields.add(new Schema.Field(NEW_FIELD, Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "Firmware the sensor ran when it took the reading, when it reports one.", JsonProperties.NULL_VALUE));
        return fields;
    });

    private UrbanReadingV2() {
    }

    /** The reading as a record of the v2 schema, with the new field set (or null). */
    static GenericRecord of(UrbanSensorReading reading, String firmware) {
        GenericRecord record = new GenericData.Record(SCHEMA);
        record.put("sensor_id", reading.getSensorId());
        record.put("ts", reading.getTs().toEpochMilli());
        record.put("location", new GenericData.EnumSymbol(SCHEMA.getField("location").schema(), reading.getLocation().name()));
        record.put("vehicle_count", reading.getVehicleCount());
        record.put("avg_speed_kmh", reading.getAvgSpeedKmh());
        record.put("noise_db", reading.getNoiseDb());
        record.put("pm25", reading.getPm25());
        record.put("pm10", reading.getPm10());
        record.put("status", new GenericData.EnumSymbol(SCHEMA.getField("status").schema(), reading.getStatus().name()));
        record.put(NEW_FIELD, firmware);
        return record;
    }

    /** v1 with its fields changed by {@code change} (given copies it may extend or replace). */
    static Schema evolved(UnaryOperator<List<Schema.Field>> change) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : V1.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        return Schema.createRecord(V1.getName(), V1.getDoc(), V1.getNamespace(), false, change.apply(fields));
    }
}
