package org.etlsuite.dashboard.page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.etlsuite.dashboard.chart.ChartFigure;
import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.DashboardChart;
import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.csv.CsvFileSnapshot;
import org.etlsuite.dashboard.page.DashboardPage.State;

/**
 * The KPI files behind one dashboard page, read as a set: the page shows numbers only once every
 * file has been written, and computes them (and draws its charts) once per version of the files.
 * An unchanged {@link CachedCsvFile} comes back as the very same snapshot, so comparing snapshots by
 * identity is enough to tell a new version.
 *
 * @param <K> the page's numbers, computed from the content of all its files
 * @param <C> the page's charts
 */
public final class DashboardFiles<K, C extends Enum<C> & DashboardChart<K>> {

    private final List<CachedCsvFile<?>> files;
    private final Function<Contents, K> kpis;
    private final Predicate<K> hasData;
    private final Class<C> charts;
    private final List<String> dataFiles;
    private Complete<K, C> complete;

    /**
     * @param files   the page's files, in the order the page lists them
     * @param kpis    computes the page's numbers from the content of its files
     * @param hasData whether the numbers hold anything to show; until they do, the page explains
     *                how to produce data instead of showing empty charts
     * @param charts  the page's charts
     */
    public DashboardFiles(List<? extends CachedCsvFile<?>> files, Function<Contents, K> kpis, Predicate<K> hasData,
            Class<C> charts) {
        this.files = List.copyOf(files);
        this.kpis = kpis;
        this.hasData = hasData;
        this.charts = charts;
        this.dataFiles = this.files.stream().map(CachedCsvFile::relativePath).toList();
    }

    /** The page's files, in the order the page lists them. */
    public List<CachedCsvFile<?>> files() {
        return files;
    }

    /**
     * The page as the files are now.
     *
     * @param summary formats the numbers, given the last-modified time of the newest file
     */
    public <S> DashboardPage<S> page(BiFunction<K, Instant, S> summary) {
        List<CsvFileSnapshot<?>> snapshots = snapshots();
        DataVersion version = DataVersion.of(snapshots);
        return switch (current(snapshots)) {
            case Broken<K, C> broken -> new DashboardPage<>(State.UNREADABLE, dataFiles, broken.errors(), null, version);
            case Incomplete<K, C> incomplete -> new DashboardPage<>(State.NO_FILE, dataFiles, List.of(), null, version);
            case Complete<K, C> loaded when !hasData.test(loaded.kpis()) ->
                    new DashboardPage<>(State.NO_ROWS, dataFiles, List.of(), null, version);
            case Complete<K, C> loaded ->
                    new DashboardPage<>(State.READY, dataFiles, List.of(), summary.apply(loaded.kpis(), loaded.lastModified()), version);
        };
    }

    /** The version of the files as they are now, without computing the page. */
    public DataVersion version() {
        return DataVersion.of(snapshots());
    }

    /** The page's numbers as the files are now, or empty while there is nothing to show. */
    public Optional<K> kpis() {
        return ready().map(Complete::kpis);
    }

    /** The chart as PNG, or empty while there is nothing to draw. */
    public Optional<byte[]> chart(C chart, ChartView view) {
        return ready().map(loaded -> {
            ChartView drawnWith = chart.drawnWith(view);
            synchronized (this) {
                return loaded.images().computeIfAbsent(new Drawing<>(chart, drawnWith), drawing -> chart.png(loaded.kpis(), drawnWith));
            }
        });
    }

    /** The chart as SVG with its data, or empty while there is nothing to draw. */
    public Optional<ChartFigure> figure(C chart, ChartView view) {
        return ready().map(loaded -> {
            synchronized (this) {
                return figure(loaded, chart, view);
            }
        });
    }

    /**
     * Every chart of the page as SVG with its data, by the name of its constant (what a template can look one up
     * by), all of one version of the files; empty while there is nothing to draw.
     */
    public Map<String, ChartFigure> figures(ChartView view) {
        return ready().map(loaded -> {
            Map<String, ChartFigure> figures = new LinkedHashMap<>();
            synchronized (this) {
                for (C chart : charts.getEnumConstants()) {
                    figures.put(chart.name(), figure(loaded, chart, view));
                }
            }
            return figures;
        }).orElse(Map.of());
    }

    /** The files as they are now when every one is read and they hold something to show; else empty. */
    private Optional<Complete<K, C>> ready() {
        return current(snapshots()) instanceof Complete<K, C> loaded && hasData.test(loaded.kpis())
                ? Optional.of(loaded) : Optional.empty();
    }

    private static <K, C extends Enum<C> & DashboardChart<K>> ChartFigure figure(Complete<K, C> loaded, C chart, ChartView view) {
        ChartView drawnWith = chart.drawnWith(view);
        return loaded.figures().computeIfAbsent(new Drawing<>(chart, drawnWith), drawing -> chart.figure(loaded.kpis(), drawnWith));
    }

    private List<CsvFileSnapshot<?>> snapshots() {
        return files.stream().<CsvFileSnapshot<?>>map(CachedCsvFile::current).toList();
    }

    /** The files as found; the numbers and charts are kept until one of the files changes. */
    private synchronized FileSet<K, C> current(List<CsvFileSnapshot<?>> snapshots) {
        // a broken file is reported even while another is missing: it will not fix itself
        List<String> errors = snapshots.stream()
                .<String>mapMulti((snapshot, out) -> {
                    if (snapshot instanceof CsvFileSnapshot.Unreadable<?> unreadable) {
                        out.accept(unreadable.error());
                    }
                })
                .toList();
        if (!errors.isEmpty()) {
            return new Broken<>(errors);
        }
        List<CsvFileSnapshot.Loaded<?>> versions = new ArrayList<>(snapshots.size());
        for (CsvFileSnapshot<?> snapshot : snapshots) {
            if (!(snapshot instanceof CsvFileSnapshot.Loaded<?> loaded)) {
                return new Incomplete<>();
            }
            versions.add(loaded);
        }
        if (complete == null || !complete.isVersion(versions)) {
            Instant lastModified = versions.stream().map(CsvFileSnapshot.Loaded::lastModified).max(Instant::compareTo).orElseThrow();
            complete = new Complete<>(List.copyOf(versions), kpis.apply(new Contents(files, versions)), lastModified,
                    new HashMap<>(), new HashMap<>());
        }
        return complete;
    }

    /** The content of each of the page's files, at one version of them. */
    public static final class Contents {

        private final List<CachedCsvFile<?>> files;
        private final List<CsvFileSnapshot.Loaded<?>> versions;

        private Contents(List<CachedCsvFile<?>> files, List<CsvFileSnapshot.Loaded<?>> versions) {
            this.files = files;
            this.versions = versions;
        }

        /** The content of one of the page's files. */
        public <T> T get(CachedCsvFile<T> file) {
            int index = files.indexOf(file);
            if (index < 0) {
                throw new IllegalArgumentException(file.relativePath() + " is not one of the page's files");
            }
            @SuppressWarnings("unchecked") // read from this very file, whose snapshots hold a T
            T value = (T) versions.get(index).value();
            return value;
        }
    }

    /** What the files add up to. */
    private sealed interface FileSet<K, C> permits Broken, Incomplete, Complete {
    }

    /** At least one file exists but cannot be used. */
    private record Broken<K, C>(List<String> errors) implements FileSet<K, C> {
    }

    /** At least one file has not been written yet. */
    private record Incomplete<K, C>() implements FileSet<K, C> {
    }

    /** One chart as drawn for one view; a page offers a handful of views, so a version keeps a few drawings per chart. */
    private record Drawing<C>(C chart, ChartView view) {
    }

    /** Every file read, with the PNGs and SVGs already drawn for this version of them. */
    private record Complete<K, C>(
            List<CsvFileSnapshot.Loaded<?>> versions,
            K kpis,
            Instant lastModified,
            Map<Drawing<C>, byte[]> images,
            Map<Drawing<C>, ChartFigure> figures) implements FileSet<K, C> {

        boolean isVersion(List<CsvFileSnapshot.Loaded<?>> current) {
            return IntStream.range(0, versions.size()).allMatch(i -> versions.get(i) == current.get(i));
        }
    }
}
