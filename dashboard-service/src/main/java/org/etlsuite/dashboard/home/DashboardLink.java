package org.etlsuite.dashboard.home;

/**
 * A dashboard listed on the home page.
 *
 * @param source    the KPI file the page reads, below the data directory; null while no pipeline writes one
 * @param available false for pages that are planned but not built yet; shown as "coming soon"
 *                  without a link, so the home page never points at a 404
 */
record DashboardLink(String title, String path, String description, String source, boolean available) {
}
