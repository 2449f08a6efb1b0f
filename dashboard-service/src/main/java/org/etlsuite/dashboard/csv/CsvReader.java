package org.etlsuite.dashboard.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal RFC 4180 reader: comma separated, fields optionally enclosed in double quotes, a
 * quote inside a quoted field written as two quotes, quoted fields may span lines, CRLF or LF
 * line ends. The first record is the header; columns are looked up by name, never by position.
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
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(source, reader);
        }
    }

    /**
     * Parses CSV text.
     *
     * @param source name used in error messages, usually the file path
     */
    public static CsvTable parse(String source, Reader reader) throws IOException {
        Parser parser = new Parser(source, reader);
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
                throw new CsvFormatException(source, parser.recordLine(), "duplicate column '" + header.get(i) + "' in header");
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

    /** Character-level state machine; keeps track of physical lines for error messages. */
    private static final class Parser {

        private static final int NONE = -2;

        private final String source;
        private final Reader in;
        private long line = 1;
        private long recordLine;
        private int pushedBack = NONE;

        Parser(String source, Reader in) {
            this.source = source;
            this.in = in;
        }

        long recordLine() {
            return recordLine;
        }

        /** The next record's fields, or {@code null} at the end of the input. */
        List<String> nextRecord() throws IOException {
            int c = read();
            while (c == '\r' || c == '\n') {
                endOfLine(c);
                c = read();
            }
            if (c == -1) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                if (c == '"') {
                    c = readQuoted(field);
                    if (c != ',' && c != '\r' && c != '\n' && c != -1) {
                        throw new CsvFormatException(source, line,
                                "unexpected character '" + (char) c + "' after a closing quote");
                    }
                } else {
                    while (c != ',' && c != '\r' && c != '\n' && c != -1) {
                        if (c == '"') {
                            throw new CsvFormatException(source, line,
                                    "quote inside an unquoted field (quote the whole field and double inner quotes)");
                        }
                        field.append((char) c);
                        c = read();
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (c != ',') {
                    if (c != -1) {
                        endOfLine(c);
                    }
                    return fields;
                }
                c = read();
            }
        }

        /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
        private int readQuoted(StringBuilder field) throws IOException {
            while (true) {
                int c = read();
                if (c == -1) {
                    throw new CsvFormatException(source, recordLine, "quoted field is never closed");
                }
                if (c == '"') {
                    int next = read();
                    if (next != '"') {
                        return next;
                    }
                    field.append('"');
                } else if (c == '\r') {
                    int next = read();
                    if (next == '\n') {
                        field.append("\r\n");
                    } else {
                        field.append('\r');
                        pushedBack = next;
                    }
                    line++;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            }
        }

        /** Consumes a line break starting with {@code c} (CR, LF or CRLF). */
        private void endOfLine(int c) throws IOException {
            if (c == '\r') {
                int next = read();
                if (next != '\n') {
                    pushedBack = next;
                }
            }
            line++;
        }

        private int read() throws IOException {
            if (pushedBack != NONE) {
                int c = pushedBack;
                pushedBack = NONE;
                return c;
            }
            return in.read();
        }
    }
}
