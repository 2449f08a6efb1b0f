package org.etlsuite.dashboard.kpi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.page.KpiFilePage;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** The datasets the dashboard knows: every file its pages read, by name. */
@Component
class KpiDatasets {

    /** Words of the file names that say what processing did to the data, not what the data is. */
    private static final Set<String> STAGE_WORDS = Set.of("processed", "clean", "kpi");

    private final Map<String, KpiDataset> byName;

    KpiDatasets(List<KpiFilePage> pages) {
        Map<String, KpiDataset> datasets = new TreeMap<>();
        for (KpiFilePage page : pages) {
            for (CachedCsvFile<?> file : page.kpiFiles()) {
                String name = nameOf(file.relativePath());
                KpiDataset known = datasets.get(name);
                if (known == null) {
                    datasets.put(name, new KpiDataset(name, file.readAlsoAs(KpiTable::of)));
                } else if (!known.path().equals(file.relativePath())) {
                    throw new IllegalStateException("Two KPI files are both named '" + name + "': " + known.path() + " and "
                            + file.relativePath());
                }
            }
        }
        this.byName = datasets;
    }

    /** In name order. */
    List<KpiDataset> all() {
        return new ArrayList<>(byName.values());
    }

    /** @throws ErrorResponseException (404) for a name that is not one of the datasets */
    KpiDataset find(String name) {
        KpiDataset dataset = byName.get(name);
        if (dataset == null) {
            throw KpiProblems.unknownDataset(name, byName.keySet());
        }
        return dataset;
    }

    /**
     * A stable name for the file at the path: the words of its file name, lower case, joined by '-', without
     * {@link #STAGE_WORDS}; {@code processed_transport/transport_kpi_daily.csv} is {@code transport-daily}.
     */
    static String nameOf(String relativePath) {
        String fileName = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        String base = fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? fileName.substring(0, fileName.length() - 4) : fileName;
        List<String> words = Arrays.stream(base.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(word -> !word.isEmpty()).toList();
        List<String> telling = words.stream().filter(word -> !STAGE_WORDS.contains(word)).toList();
        // a file named by stage words alone ("processed.csv") keeps them: they are all it has
        return (telling.isEmpty() ? words : telling).stream().collect(Collectors.joining("-"));
    }
}
