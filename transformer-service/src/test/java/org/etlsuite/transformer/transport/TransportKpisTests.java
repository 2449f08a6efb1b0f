package org.etlsuite.transformer.transport;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.etlsuite.transformer.csv.CsvFormat;
import org.etlsuite.transformer.kpi.Tally;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The KPI maths without Kafka: cells per trip and the files built from a table. */
class TransportKpisTests {

    @Test
    void shouldCountATripInFiveCells() {
        assertThat(TransportKpis.cells(TransportFeatures.enrich(TestTrips.circuito()))).containsExactly(
                KeyValue.pair("peak|true", Tally.of(30, new BigDecimal("12.00"))),
                KeyValue.pair("daily|2026-03-01", Tally.of(30, new BigDecimal("12.00"))),
                KeyValue.pair("boarding|CENTRO", Tally.of(30, new BigDecimal("12.00"))),
                KeyValue.pair("route|URBAN_METROPOLITAN_CIRCUITO", Tally.of(45, new BigDecimal("12.00"))),
                KeyValue.pair("fare|REGULAR|CARD", Tally.of(30, new BigDecimal("12.00"))));
    }

    @Test
    void shouldWriteHeaderOnlyFilesForAnEmptyTable() {
        assertThat(CsvFormat.render(TransportKpis.summaryDocument(Map.of())))
                .isEqualTo("total_revenue,total_trips,total_passengers,peak_hour_trips,peak_hour_share\n");
        assertThat(CsvFormat.render(TransportKpis.dailyDocument(Map.of()))).isEqualTo("day,trips,passengers,revenue\n");
        assertThat(CsvFormat.render(TransportKpis.boardingAreasDocument(Map.of()))).isEqualTo("rank,boarding_area,trips,passengers\n");
        assertThat(CsvFormat.render(TransportKpis.routesDocument(Map.of()))).isEqualTo("route_type,trips,mean_duration_minutes,revenue\n");
        assertThat(CsvFormat.render(TransportKpis.faresDocument(Map.of()))).isEqualTo("fare_type,payment_method,trips,revenue\n");
    }

    @Test
    void shouldBreakRankTiesByAreaName() {
        Map<String, Tally> table = new HashMap<>();
        table.put("boarding|SOUTH_ZONE", new Tally(5, 9, new BigDecimal("60.00")));
        table.put("boarding|CIRCUITO_ROUTE_STOP", new Tally(5, 7, new BigDecimal("60.00")));
        table.put("boarding|NORTH_ZONE", new Tally(6, 6, new BigDecimal("72.00")));

        assertThat(CsvFormat.render(TransportKpis.boardingAreasDocument(table))).isEqualTo("""
                rank,boarding_area,trips,passengers
                1,North Zone (Altabrisa/Montejo),6,6
                2,Circuito Route Stop,5,7
                3,South Zone (Emiliano Zapata Sur/San Haroldo),5,9
                """);
    }

    @Test
    void shouldComputeThePeakShareFromBothPeakCells() {
        Map<String, Tally> table = new HashMap<>();
        table.put("peak|true", new Tally(1, 3, new BigDecimal("12.00")));
        table.put("peak|false", new Tally(2, 2, new BigDecimal("7.50")));

        assertThat(CsvFormat.render(TransportKpis.summaryDocument(table))).isEqualTo("""
                total_revenue,total_trips,total_passengers,peak_hour_trips,peak_hour_share
                19.50,3,5,1,0.3333333333333333
                """);
    }
}
