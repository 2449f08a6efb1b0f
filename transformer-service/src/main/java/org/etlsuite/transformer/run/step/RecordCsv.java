package org.etlsuite.transformer.run.step;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.PaymentMethod;
import org.etlsuite.events.product.Platform;
import org.etlsuite.events.product.ProductCategory;
import org.etlsuite.events.transport.AlightingArea;
import org.etlsuite.events.transport.BoardingArea;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.ServiceProvider;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanNoiseLevel;
import org.etlsuite.model.product.ProductDisplayNames;
import org.etlsuite.model.transport.TransportDisplayNames;
import org.etlsuite.model.urban.NoiseLevel;
import org.etlsuite.model.urban.UrbanLocations;
import org.etlsuite.transformer.csv.CsvFormat;

/**
 * An Avro record as a CSV row: one column per schema field, in schema order, named as the field.
 * Values as the original files had them: ISO-8601 times, plain decimals (no exponent), the
 * original's vocabulary for enums (e.g. {@code Centro (Downtown)}), empty for null. String fields
 * are free text from whoever produced the event, so they are guarded against formula injection.
 */
final class RecordCsv {

    private RecordCsv() {
    }

    static List<String> header(Schema schema) {
        return schema.getFields().stream().map(Schema.Field::name).toList();
    }

    static List<String> values(SpecificRecord record) {
        List<Schema.Field> fields = record.getSchema().getFields();
        List<String> values = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            String text = text(record.get(i));
            values.add(freeText(fields.get(i).schema()) ? CsvFormat.freeText(text) : text);
        }
        return values;
    }

    /** A string field, or a nullable one; enums, numbers and logical types are not free text. */
    private static boolean freeText(Schema schema) {
        return switch (schema.getType()) {
            case STRING -> true;
            case UNION -> schema.getTypes().stream().anyMatch(branch -> branch.getType() == Schema.Type.STRING);
            default -> false;
        };
    }

    static String text(Object value) {
        return switch (value) {
            case null -> "";
            case BigDecimal decimal -> decimal.toPlainString();
            // a raw event may hold NaN or infinity (the quality rules reject it later): archived as Java writes it
            case Double number -> Double.isFinite(number) ? CsvFormat.decimal(number) : number.toString();
            // LocalTime.toString() drops ":00" seconds; the original wrote HH:mm:ss
            case LocalTime time -> DateTimeFormatter.ISO_LOCAL_TIME.format(time);
            case Enum<?> symbol -> label(symbol);
            case ByteBuffer bytes -> HexFormat.of().formatHex(bytes.array(), bytes.arrayOffset() + bytes.position(),
                    bytes.arrayOffset() + bytes.limit());
            default -> value.toString();
        };
    }

    private static String label(Enum<?> symbol) {
        return switch (symbol) {
            case UrbanLocation location -> UrbanLocations.displayName(location);
            case UrbanNoiseLevel level -> NoiseLevel.valueOf(level.name()).label();
            case EventType type -> ProductDisplayNames.displayName(type);
            case ProductCategory category -> ProductDisplayNames.displayName(category);
            case Platform platform -> ProductDisplayNames.displayName(platform);
            case PaymentMethod method -> ProductDisplayNames.displayName(method);
            case ServiceProvider provider -> TransportDisplayNames.displayName(provider);
            case RouteType route -> TransportDisplayNames.displayName(route);
            case BoardingArea area -> TransportDisplayNames.displayName(area);
            case AlightingArea area -> TransportDisplayNames.displayName(area);
            case FarePaymentMethod method -> TransportDisplayNames.displayName(method);
            case FareType fare -> TransportDisplayNames.displayName(fare);
            default -> symbol.name();
        };
    }
}
