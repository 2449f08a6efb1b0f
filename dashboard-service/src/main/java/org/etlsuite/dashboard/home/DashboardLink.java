package org.etlsuite.dashboard.home;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dashboard listed on the home page.
 *
 * @param sources the KPI files the page reads, below the data directory
 * @param api     what else the page reads, besides or instead of files, e.g. "transformer-service /api/pipelines"; null for none
 */
record DashboardLink(String title, String path, String description, List<String> sources, String api) {

    DashboardLink {
        sources = List.copyOf(sources);
    }

    /** A page that reads KPI files. */
    DashboardLink(String title, String path, String description, List<String> sources) {
        this(title, path, description, sources, null);
    }

    /**
     * File names by folder ("processed_transport/" to its three files), in source order: full paths
     * side by side are too long for a card and would break in the middle of a name.
     */
    public Map<String, List<String>> sourcesByFolder() {
        Map<String, List<String>> byFolder = new LinkedHashMap<>();
        for (String source : sources) {
            int slash = source.lastIndexOf('/');
            byFolder.computeIfAbsent(source.substring(0, slash + 1), folder -> new ArrayList<>()).add(source.substring(slash + 1));
        }
        return byFolder;
    }
}
