package org.etlsuite.dashboard.page;

import java.util.List;

import org.etlsuite.dashboard.csv.CachedCsvFile;

/**
 * A dashboard page that shows KPI files. The files of these pages are the datasets the dashboard knows: the KPI
 * API lists them from here, so a page that starts reading a file offers it through the API as well.
 */
public interface KpiFilePage {

    /** The files the page reads, in the order it lists them. */
    List<CachedCsvFile<?>> kpiFiles();
}
