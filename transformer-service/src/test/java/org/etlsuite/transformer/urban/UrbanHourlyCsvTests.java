package org.etlsuite.transformer.urban;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.etlsuite.transformer.csv.CsvDocument;
import org.etlsuite.transformer.csv.CsvFormat;
import org.etlsuite.transformer.kpi.ExactSum;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.etlsuite.events.urban.UrbanLocation.ALTABRISA;
import static org.etlsuite.events.urban.UrbanLocation.CENTRO;
import static org.etlsuite.events.urban.UrbanLocation.EMILIANO_ZAPATA;

class UrbanHourlyCsvTests {

    private static UrbanHourlyAggregate aggregate(long readings, long vehicles, String speed, String pm25, String pm10,
                                                  String pollution, String noise) {
        return new UrbanHourlyAggregate(readings, vehicles, sum(speed), sum(pm25), sum(pm10), sum(pollution), sum(noise));
    }

    /** The sum as the double nearest to the text (what readings of that value add up to). */
    private static ExactSum sum(String value) {
        return ExactSum.of(Double.parseDouble(value));
    }

    @Test
    void shouldWriteHeaderAndOneRowPerBucketSortedByLocationDayAndHour() {
        Map<UrbanBucket, UrbanHourlyAggregate> table = new HashMap<>();
        table.put(new UrbanBucket(EMILIANO_ZAPATA, LocalDate.of(2026, 3, 1), 7), aggregate(2, 25, "61", "30.5", "101", "78.5", "131"));
        table.put(new UrbanBucket(CENTRO, LocalDate.of(2026, 3, 1), 10), aggregate(3, 10, "10", "10", "10", "10", "100"));
        table.put(new UrbanBucket(CENTRO, LocalDate.of(2026, 3, 1), 9), aggregate(1, 0, "0", "1", "5", "2.6", "30"));
        table.put(new UrbanBucket(ALTABRISA, LocalDate.of(2026, 3, 2), 0), aggregate(4, 800, "320", "600", "800", "680", "400"));
        table.put(new UrbanBucket(ALTABRISA, LocalDate.of(2026, 3, 1), 23), aggregate(1, 1, "0.01", "149.99", "199.99", "169.99", "99.9"));

        String csv = CsvFormat.render(UrbanHourlyCsv.document(table));

        assertThat(csv).isEqualTo("""
                location,day,hour,readings,vehicle_count,avg_speed_kmh,pm25,pm10,pollution_idx,noise_db
                Altabrisa,2026-03-01,23,1,1.0,0.01,149.99,199.99,169.99,99.9
                Altabrisa,2026-03-02,0,4,200.0,80.0,150.0,200.0,170.0,100.0
                Centro,2026-03-01,9,1,0.0,0.0,1.0,5.0,2.6,30.0
                Centro,2026-03-01,10,3,3.3333333333333335,3.3333333333333335,3.3333333333333335,3.3333333333333335,3.3333333333333335,33.333333333333336
                Emiliano Zapata,2026-03-01,7,2,12.5,30.5,15.25,50.5,39.25,65.5
                """);
    }

    @Test
    void shouldCountAllReadingsOfTheTableAsSourceRecords() {
        Map<UrbanBucket, UrbanHourlyAggregate> table = Map.of(
                new UrbanBucket(CENTRO, LocalDate.of(2026, 3, 1), 9), aggregate(17, 0, "0", "1", "5", "2.6", "30"),
                new UrbanBucket(CENTRO, LocalDate.of(2026, 3, 1), 10), aggregate(25, 0, "0", "1", "5", "2.6", "30"));

        CsvDocument document = UrbanHourlyCsv.document(table);

        assertThat(document.sourceRecords()).isEqualTo(42);
        assertThat(document.rows()).hasSize(2);
    }

    @Test
    void shouldWriteOnlyTheHeaderForAnEmptyTable() {
        assertThat(CsvFormat.render(UrbanHourlyCsv.document(Map.of())))
                .isEqualTo("location,day,hour,readings,vehicle_count,avg_speed_kmh,pm25,pm10,pollution_idx,noise_db\n");
    }
}
