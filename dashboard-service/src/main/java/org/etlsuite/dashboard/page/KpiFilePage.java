package org.etlsuite.dashboard.page;

import java.util.List;

import org.etlsuite.dashboard.csv.CachedCsvFile;

/**
 * A dashboard page that shows KPI files. The files of these pages are the datasets the dashboard knows: the KPI
 * API lists them from here, and the home page names them under the page's card, so a page that starts reading a
 * file offers it through the API and lists it on the home page as well.
 */
public interface KpiFilePage {

    /** The files the page reads, in the order it lists them. */
    List<CachedCsvFile<?>> kpiFiles();

    /** Where the page is, e.g. "/urban": the home page's card that links there lists the page's files. */
    String path();
}
