package org.etlsuite.dashboard.home;

import java.util.List;

import org.etlsuite.model.kpi.DataQualityKpiFile;
import org.etlsuite.model.kpi.ProductKpiFiles;
import org.etlsuite.model.kpi.TransportKpiFiles;
import org.etlsuite.model.kpi.UrbanHourlyKpiFile;

/** The dashboards of the suite, in the order the home page lists them. */
final class DashboardCatalog {

    static final List<DashboardLink> DASHBOARDS = List.of(
            new DashboardLink("Urban sensors", "/urban",
                    "Average pollution index, mean noise by zone, traffic against pollution and the loudest zone.",
                    List.of(UrbanHourlyKpiFile.RELATIVE_PATH)),
            new DashboardLink("Transportation", "/dashboard",
                    "Fare revenue, daily passengers and the busiest boarding areas of Mérida's public transport.",
                    List.of(TransportKpiFiles.Summary.RELATIVE_PATH, TransportKpiFiles.Daily.RELATIVE_PATH,
                            TransportKpiFiles.BoardingAreas.RELATIVE_PATH)),
            new DashboardLink("Products", "/products",
                    "Revenue, views and purchases by category and by platform, the revenue over time, and the shopping funnel with its conversion rates.",
                    List.of(ProductKpiFiles.Category.RELATIVE_PATH, ProductKpiFiles.Funnel.RELATIVE_PATH,
                            ProductKpiFiles.Platform.RELATIVE_PATH, ProductKpiFiles.RevenueHourly.RELATIVE_PATH)),
            new DashboardLink("Pipeline runs", "/runs",
                    "The pipelines' schedules and their latest runs: the state of every task, the events counted and the files written.",
                    List.of(), "transformer-service /api/pipelines"),
            new DashboardLink("Data quality", "/quality",
                    "Records accepted, rejected by rule, duplicated and undecodable per stream with their shares, and the latest dead letters.",
                    List.of(DataQualityKpiFile.RELATIVE_PATH), "Kafka <topic>.DLT"));

    private DashboardCatalog() {
    }
}
