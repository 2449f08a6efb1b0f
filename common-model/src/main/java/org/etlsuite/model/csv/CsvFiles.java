package org.etlsuite.model.csv;

import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The dialect of every CSV file the suite writes, one definition for the transformer's writer and the
 * dashboard's reader (Jackson's CSV module underneath): UTF-8, comma separated, LF line ends, the header
 * as the first record. A field is enclosed in double quotes only when it contains a comma, a double quote,
 * CR or LF, and a quote inside it is doubled (RFC 4180). There is no escape character and there are no
 * comment lines: a leading '#' or a space is data.
 *
 * <p>Records are streamed as arrays of strings (a schema without columns), never bound to objects: the
 * files are tens of thousands of rows and the columns are looked up by header name.
 */
public final class CsvFiles {

    public static final Charset CHARSET = StandardCharsets.UTF_8;

    // Jackson's default check quotes every field with a character below ',' (a space, '#', '+', ...): the
    // strict check quotes exactly the fields RFC 4180 requires, which keeps the files as they have always been.
    // The caller owns the Writer: closing a generator flushes into it and leaves it open.
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private static final CsvSchema SCHEMA = CsvSchema.emptySchema()
            .withColumnSeparator(',')
            .withQuoteChar('"')
            .withoutEscapeChar()
            .withLineSeparator("\n")
            .withoutComments();

    private CsvFiles() {
    }

    /**
     * A generator that writes each root-level array of strings as one record, its line end included.
     * Jackson writes nothing for an empty array.
     */
    public static JsonGenerator generator(Writer out) {
        return MAPPER.writer(SCHEMA).createGenerator(out);
    }

    /**
     * A parser that returns each record as an array of strings; it takes CRLF and CR line ends as well, and
     * quoted fields may span lines. Not as strict as the writer: it accepts a quote inside an unquoted field
     * and spaces between a closing quote and the next separator, and returns an empty line as a record of one
     * empty field, so a strict reader checks those itself.
     */
    public static JsonParser parser(String text) {
        return MAPPER.reader(SCHEMA).createParser(text);
    }
}
