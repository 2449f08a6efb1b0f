package org.etlsuite.model.connect;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro schemas and generic values to Connect ones, as Confluent's {@code AvroData} maps the types our schemas
 * use: records to structs named after the record, enums to strings, {@code date}, {@code time-millis},
 * {@code timestamp-millis} and {@code decimal} to Connect's logical types, and a union of null and one type to
 * an optional field. Anything else (other unions, other logical types) fails with a {@link DataException}
 * rather than being guessed at, because a sink would write the guess.
 *
 * <p>Connect schemas are cached per Avro schema: the deserializer hands out one schema instance per id, so after
 * the first record of an id the hot path only builds the struct.
 */
final class AvroToConnect {

    /** What Confluent's AvroData puts on a decimal schema besides the scale. */
    static final String PRECISION_PARAMETER = "connect.decimal.precision";

    private final Map<org.apache.avro.Schema, Schema> schemas = new ConcurrentHashMap<>();

    SchemaAndValue toConnect(GenericRecord record) {
        Schema schema = schemas.computeIfAbsent(record.getSchema(), avro -> builder(avro).build());
        return new SchemaAndValue(schema, value(schema, record.getSchema(), record));
    }

    private static SchemaBuilder builder(org.apache.avro.Schema avro) {
        LogicalType logical = avro.getLogicalType();
        return switch (avro.getType()) {
            case RECORD -> {
                SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
                if (avro.getDoc() != null) {
                    struct.doc(avro.getDoc());
                }
                for (org.apache.avro.Schema.Field field : avro.getFields()) {
                    struct.field(field.name(), builder(field.schema()).build());
                }
                yield struct;
            }
            case ENUM, STRING -> SchemaBuilder.string();
            case BOOLEAN -> SchemaBuilder.bool();
            case INT -> {
                if (logical == null) {
                    yield SchemaBuilder.int32();
                } else if (logical instanceof LogicalTypes.Date) {
                    yield Date.builder();
                } else if (logical instanceof LogicalTypes.TimeMillis) {
                    yield Time.builder();
                }
                throw unsupported(avro);
            }
            case LONG -> {
                if (logical == null) {
                    yield SchemaBuilder.int64();
                } else if (logical instanceof LogicalTypes.TimestampMillis) {
                    yield Timestamp.builder();
                }
                throw unsupported(avro);
            }
            case FLOAT -> SchemaBuilder.float32();
            case DOUBLE -> SchemaBuilder.float64();
            case BYTES, FIXED -> {
                if (logical == null) {
                    yield SchemaBuilder.bytes();
                } else if (logical instanceof LogicalTypes.Decimal decimal) {
                    yield Decimal.builder(decimal.getScale())
                            .parameter(PRECISION_PARAMETER, String.valueOf(decimal.getPrecision()));
                }
                throw unsupported(avro);
            }
            case ARRAY -> SchemaBuilder.array(builder(avro.getElementType()).build());
            case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, builder(avro.getValueType()).build());
            case UNION -> builder(nonNullBranch(avro)).optional();
            case NULL -> throw unsupported(avro);
        };
    }

    private static Object value(Schema schema, org.apache.avro.Schema avro, Object datum) {
        if (datum == null) {
            return null;
        }
        return switch (avro.getType()) {
            case RECORD -> {
                GenericRecord record = (GenericRecord) datum;
                Struct struct = new Struct(schema);
                for (org.apache.avro.Schema.Field field : avro.getFields()) {
                    struct.put(field.name(), value(schema.field(field.name()).schema(), field.schema(), record.get(field.pos())));
                }
                yield struct;
            }
            case ENUM, STRING -> datum.toString();
            case INT -> switch (avro.getLogicalType()) {
                case null -> datum;
                case LogicalTypes.Date ignored -> datum instanceof LocalDate day
                        ? Date.toLogical(schema, (int) day.toEpochDay()) : Date.toLogical(schema, (Integer) datum);
                default -> datum instanceof LocalTime time
                        ? Time.toLogical(schema, (int) (time.toNanoOfDay() / 1_000_000)) : Time.toLogical(schema, (Integer) datum);
            };
            case LONG -> avro.getLogicalType() == null ? datum
                    : datum instanceof Instant instant ? java.util.Date.from(instant) : Timestamp.toLogical(schema, (Long) datum);
            case BYTES, FIXED -> {
                byte[] bytes = bytes(datum);
                yield avro.getLogicalType() == null ? bytes : Decimal.toLogical(schema, bytes);
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (Object element : (Iterable<?>) datum) {
                    list.add(value(schema.valueSchema(), avro.getElementType(), element));
                }
                yield list;
            }
            case MAP -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((Map<?, ?>) datum).forEach((key, element) ->
                        map.put(key.toString(), value(schema.valueSchema(), avro.getValueType(), element)));
                yield map;
            }
            case UNION -> value(schema, nonNullBranch(avro), datum);
            default -> datum;
        };
    }

    private static byte[] bytes(Object datum) {
        if (datum instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes;
        }
        if (datum instanceof GenericFixed fixed) {
            return fixed.bytes();
        }
        return (byte[]) datum;
    }

    /** The other branch of a union of null and one type, the only union an optional Connect field can express. */
    private static org.apache.avro.Schema nonNullBranch(org.apache.avro.Schema union) {
        List<org.apache.avro.Schema> branches = union.getTypes();
        if (branches.size() == 2) {
            if (branches.get(0).getType() == org.apache.avro.Schema.Type.NULL) {
                return branches.get(1);
            }
            if (branches.get(1).getType() == org.apache.avro.Schema.Type.NULL) {
                return branches.get(0);
            }
        }
        throw unsupported(union);
    }

    private static DataException unsupported(org.apache.avro.Schema avro) {
        return new DataException("WireFormatAvroConverter does not convert the Avro type " + avro
                + ": it supports records, enums, primitives, arrays, maps, unions of null and one type, and the logical types "
                + "date, time-millis, timestamp-millis and decimal");
    }
}
