package org.etlsuite.model.connect;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.AvroSerdeConfig;

/**
 * A Kafka Connect value converter for the topics of this project, for a Connect worker that has no Confluent
 * {@code AvroConverter} (it is not on Maven Central): it reads the Confluent wire format with this module's
 * {@link AvroDeserializer}, so the writer schema comes from the same registry (configured with
 * {@code schema.registry.url}, and {@code basic.auth.user.info} where needed), and maps the record to a Connect
 * {@link org.apache.kafka.connect.data.Struct} the way {@code AvroConverter} does for these schemas (see
 * {@link AvroToConnect}). A null value stays null, so tombstones reach the connector as such.
 *
 * <p>Sinks only: the project's connectors read the processed topics, so {@link #fromConnectData} is not
 * implemented and a source connector configured with this converter fails on its first record.
 */
public class WireFormatAvroConverter implements Converter {

    private final AvroToConnect mapping = new AvroToConnect();
    private AvroDeserializer<Object> deserializer;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> generic = new HashMap<>(configs);
        // the mapping works on GenericRecord; a generated class would add conversions it does not expect
        generic.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, false);
        AvroDeserializer<Object> configured = new AvroDeserializer<>();
        configured.configure(generic, isKey);
        close();
        this.deserializer = configured;
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        if (deserializer == null) {
            throw new DataException("WireFormatAvroConverter is not configured: call configure() with schema.registry.url");
        }
        Object decoded;
        try {
            decoded = deserializer.deserialize(topic, value);
        } catch (SerializationException e) {
            // its messages already name the topic and say what is wrong with the bytes
            throw new DataException(e.getMessage(), e);
        }
        if (!(decoded instanceof GenericRecord record)) {
            throw new DataException("Topic " + topic + " holds a value of Avro type " + describe(decoded)
                    + "; WireFormatAvroConverter converts Avro records only");
        }
        return mapping.toConnect(record);
    }

    /** Not supported: see the class comment. */
    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        throw new UnsupportedOperationException("WireFormatAvroConverter converts for sink connectors only: it cannot write "
                + "a value to topic " + topic);
    }

    @Override
    public void close() {
        if (deserializer != null) {
            deserializer.close();
        }
    }

    private static String describe(Object decoded) {
        return decoded instanceof byte[] ? "bytes" : decoded.getClass().getSimpleName();
    }
}
