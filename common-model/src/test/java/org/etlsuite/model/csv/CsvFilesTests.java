package org.etlsuite.model.csv;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFilesTests {

    private static final List<String> TRICKY = List.of("", " ", "#x", "a,b", "a\"b", "line\nbreak", "x ", "cr\rlf");

    @Test
    void shouldQuoteOnlyCommasQuotesAndLineBreaksAndReadTheFieldsBack() {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = CsvFiles.generator(out)) {
            for (List<String> record : List.of(List.of("a", "b", "c", "d", "e", "f", "g", "h"), TRICKY)) {
                generator.writeStartArray();
                record.forEach(generator::writeString);
                generator.writeEndArray();
            }
        }

        assertThat(out).hasToString("a,b,c,d,e,f,g,h\n, ,#x,\"a,b\",\"a\"\"b\",\"line\nbreak\",x ,\"cr\rlf\"\n");
        assertThat(records(out.toString())).containsExactly(List.of("a", "b", "c", "d", "e", "f", "g", "h"), TRICKY);
    }

    @Test
    void shouldReadCrLfAndLfLineEndsAlike() {
        assertThat(records("a,b\r\n1,\"x\r\ny\"\r\n2,z"))
                .containsExactly(List.of("a", "b"), List.of("1", "x\r\ny"), List.of("2", "z"));
    }

    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        try (JsonParser parser = CsvFiles.parser(text)) {
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                List<String> fields = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    fields.add(parser.getString());
                }
                records.add(fields);
            }
        }
        return records;
    }
}
