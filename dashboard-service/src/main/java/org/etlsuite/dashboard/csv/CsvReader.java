package org.etlsuite.dashboard.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.etlsuite.model.csv.CsvFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;

/**
 * RFC 4180 reader for the suite's CSV dialect ({@link CsvFiles}): comma separated, fields optionally
 * enclosed in double quotes, a quote inside a quoted field written as two quotes, quoted fields may span
 * lines, CRLF or LF line ends. The first record is the header; columns are looked up by name, never by
 * position.
 *
 * <p>Deliberately strict: a stray quote, text after a closing quote, an unterminated quote or a
 * record whose field count differs from the header raises a {@link CsvFormatException} naming
 * the file and the line, rather than guessing what the writer meant. Empty lines are skipped.
 */
public final class CsvReader {

    private static final char BOM = '\uFEFF';

    private CsvReader() {
    }

    /**
     * Reads a whole UTF-8 file.
     *
     * @param source name used in error messages, e.g. the file's path below the data folder
     */
    public static CsvTable read(Path file, String source) throws IOException {
        return parse(source, Files.readString(file, CsvFiles.CHARSET));
    }

    /**
     * Parses CSV text.
     *
     * @param source name used in error messages, usually the file path
     */
    public static CsvTable parse(String source, Reader reader) throws IOException {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return parse(source, text.toString());
    }

    private static CsvTable parse(String source, String text) {
        try (Records parser = new Records(source, text)) {
            List<String> header = parser.nextRecord();
            if (header == null) {
                return new CsvTable(source, List.of(), Map.of(), List.of());
            }
            if (!header.isEmpty() && !header.getFirst().isEmpty() && header.getFirst().charAt(0) == BOM) {
                header.set(0, header.getFirst().substring(1));
            }
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (index.putIfAbsent(header.get(i), i) != null) {
                    throw new CsvFormatException(source, parser.recordLine(),
                            "duplicate column '" + header.get(i) + "' in header");
                }
            }
            List<CsvRecord> records = new ArrayList<>();
            List<String> fields;
            while ((fields = parser.nextRecord()) != null) {
                if (fields.size() != header.size()) {
                    throw new CsvFormatException(source, parser.recordLine(),
                            "expected " + header.size() + " fields as in the header but found " + fields.size());
                }
                records.add(new CsvRecord(source, parser.recordLine(), index, fields));
            }
            return new CsvTable(source, List.copyOf(header), index, records);
        }
    }

    /**
     * The library's records with the checks it does not make: it takes a quote inside an unquoted field
     * and spaces after a closing quote, which the raw text at each field's position shows, and it returns
     * an empty line as a record of one empty field.
     */
    private static final class Records implements AutoCloseable {

        private final String source;
        private final String text;
        private final JsonParser parser;
        private long recordLine;

        Records(String source, String text) {
            this.source = source;
            this.text = text;
            this.parser = CsvFiles.parser(text);
        }

        /** Physical line (1-based) where the last record returned starts. */
        long recordLine() {
            return recordLine;
        }

        /** The next record's fields, or {@code null} at the end of the input. */
        List<String> nextRecord() {
            try {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    expect(JsonToken.START_ARRAY, token);
                    // before the first field is read the parser stands at the start of the record's line
                    recordLine = parser.currentLocation().getLineNr();
                    List<String> fields = new ArrayList<>();
                    boolean emptyLine = true;
                    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                        expect(JsonToken.VALUE_STRING, token);
                        String field = parser.getString();
                        int start = (int) parser.currentTokenLocation().getCharOffset();
                        boolean quoted = start < text.length() && text.charAt(start) == '"';
                        if (quoted) {
                            checkAfterClosingQuote(start, field);
                        } else if (field.indexOf('"') >= 0) {
                            throw new CsvFormatException(source, parser.currentTokenLocation().getLineNr(),
                                    "quote inside an unquoted field (quote the whole field and double inner quotes)");
                        }
                        emptyLine &= !quoted && field.isEmpty();
                        fields.add(field);
                    }
                    if (!(emptyLine && fields.size() == 1)) {
                        return fields;
                    }
                }
                return null;
            } catch (StreamReadException e) {
                throw translate(e);
            } catch (JacksonException e) {
                // e.g. a field longer than the library's limit: the file is unreadable, said as such
                throw new CsvFormatException(source, recordLine, e.getOriginalMessage());
            }
        }

        /**
         * The dialect has no nulls and no typed values, so the parser gives records of strings only: anything
         * else means the shared definition changed under this reader, which must not cost a record silently.
         */
        private static void expect(JsonToken expected, JsonToken actual) {
            if (actual != expected) {
                throw new IllegalStateException("the CSV parser gave " + actual + " where " + expected + " belongs");
            }
        }

        /** The library skips spaces between a closing quote and the separator; the format has none. */
        private void checkAfterClosingQuote(int start, String field) {
            int quotes = 0;
            for (int i = field.indexOf('"'); i >= 0; i = field.indexOf('"', i + 1)) {
                quotes++;
            }
            int after = start + 2 + field.length() + quotes;
            if (after < text.length()) {
                char c = text.charAt(after);
                if (c != ',' && c != '\n' && c != '\r') {
                    throw afterClosingQuote(parser.currentLocation().getLineNr(), c);
                }
            }
        }

        /**
         * With no escape character and no comments the parser fails in two ways only: a quoted field still open
         * at the end of the input, or a character other than a space after a closing quote.
         */
        private CsvFormatException translate(StreamReadException e) {
            String message = e.getOriginalMessage();
            if (message.startsWith("Missing closing quote")) {
                return new CsvFormatException(source, recordLine, "quoted field is never closed");
            }
            long line = e.getLocation() != null ? e.getLocation().getLineNr() : recordLine;
            int at = e.getLocation() != null ? (int) e.getLocation().getCharOffset() : -1;
            if (message.startsWith("Unexpected character") && at >= 0 && at < text.length()) {
                // the parser has skipped the spaces after the closing quote: name the first of them
                while (text.charAt(at - 1) <= ' ' && text.charAt(at - 1) != '\n' && text.charAt(at - 1) != '\r') {
                    at--;
                }
                return afterClosingQuote(line, text.charAt(at));
            }
            return new CsvFormatException(source, line, message);
        }

        private CsvFormatException afterClosingQuote(long line, char c) {
            return new CsvFormatException(source, line, "unexpected character '" + c + "' after a closing quote");
        }

        @Override
        public void close() {
            parser.close();
        }
    }
}
