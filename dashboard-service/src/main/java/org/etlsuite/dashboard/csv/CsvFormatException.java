package org.etlsuite.dashboard.csv;

/**
 * A CSV file does not match what its reader expects. The message always names the file and the
 * (1-based, physical) line so that whoever looks at the dashboard can find the bad row.
 */
public class CsvFormatException extends RuntimeException {

    private final String source;
    private final long line;

    public CsvFormatException(String source, long line, String detail) {
        super(source + " line " + line + ": " + detail);
        this.source = source;
        this.line = line;
    }

    /** Name of the file (or other source) that was being read. */
    public String source() {
        return source;
    }

    /** Physical line, counting from 1 (the header), where the offending record starts. */
    public long line() {
        return line;
    }
}
