package org.etlsuite.transformer.csv;

import java.util.List;

/**
 * A CSV file's content before formatting.
 *
 * @param header        column names
 * @param rows          data rows, each with as many fields as the header, already in file order
 * @param sourceRecords how many input events the rows summarise (readings for urban sensors); kept
 *                      with the export record so a run can be reconciled with what was produced
 */
public record CsvDocument(List<String> header, List<List<String>> rows, long sourceRecords) {

    public CsvDocument {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != header.size()) {
                throw new IllegalArgumentException("row " + i + " has " + rows.get(i).size()
                        + " fields but the header has " + header.size());
            }
        }
    }
}
