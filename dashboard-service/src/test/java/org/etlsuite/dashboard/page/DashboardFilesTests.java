package org.etlsuite.dashboard.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.etlsuite.dashboard.chart.Bar;
import org.etlsuite.dashboard.chart.ChartFigure;
import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.ChartTable;
import org.etlsuite.dashboard.chart.Charts;
import org.etlsuite.dashboard.chart.DashboardChart;
import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.csv.CsvTable;
import org.etlsuite.dashboard.page.DashboardPage.State;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The set of files behind a page, with two files whose numbers are the sum of their "n" columns. */
class DashboardFilesTests {

    private static final Instant WRITTEN = Instant.parse("2025-03-14T09:30:00Z");

    @TempDir
    Path dataDir;

    private Path first;
    private Path second;
    private final AtomicInteger computations = new AtomicInteger();
    private DashboardFiles<Integer, TotalChart> files;

    @BeforeEach
    void setUp() {
        first = dataDir.resolve("first.csv");
        second = dataDir.resolve("second.csv");
        CachedCsvFile<Integer> firstFile = new CachedCsvFile<>(dataDir, "first.csv", DashboardFilesTests::sum);
        CachedCsvFile<Integer> secondFile = new CachedCsvFile<>(dataDir, "second.csv", DashboardFilesTests::sum);
        files = new DashboardFiles<>(List.of(firstFile, secondFile), contents -> {
            computations.incrementAndGet();
            return contents.get(firstFile) + contents.get(secondFile);
        }, total -> total > 0, TotalChart.class);
    }

    @Test
    void shouldListTheFilesInTheirOrderWhileOneIsMissing() throws IOException {
        TestFiles.write(second, "n\n1\n", WRITTEN);

        DashboardPage<String> page = files.page(DashboardFilesTests::summary);

        assertThat(page.state()).isEqualTo(State.NO_FILE);
        assertThat(page.dataFiles()).containsExactly("first.csv", "second.csv");
        assertThat(page.summary()).isNull();
        assertThat(files.chart(TotalChart.TOTAL, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldReportEveryBrokenFileEvenWhileAnotherIsMissing() throws IOException {
        TestFiles.write(second, "n\nmany\n", WRITTEN);

        DashboardPage<String> page = files.page(DashboardFilesTests::summary);

        assertThat(page.state()).isEqualTo(State.UNREADABLE);
        assertThat(page.errors()).containsExactly("second.csv line 2: column 'n': 'many' is not a whole number");
        assertThat(files.chart(TotalChart.TOTAL, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldWaitForDataWhileTheFilesHoldNothingToShow() throws IOException {
        TestFiles.write(first, "n\n", WRITTEN);
        TestFiles.write(second, "n\n0\n", WRITTEN);

        assertThat(files.page(DashboardFilesTests::summary).state()).isEqualTo(State.NO_ROWS);
        assertThat(files.chart(TotalChart.TOTAL, ChartView.WHOLE)).isEmpty();
    }

    @Test
    void shouldSummariseWithTheTimeOfTheNewestFile() throws IOException {
        TestFiles.write(first, "n\n1\n2\n", WRITTEN.plusSeconds(90));
        TestFiles.write(second, "n\n3\n", WRITTEN);

        DashboardPage<String> page = files.page(DashboardFilesTests::summary);

        assertThat(page.state()).isEqualTo(State.READY);
        assertThat(page.errors()).isEmpty();
        assertThat(page.summary()).isEqualTo("6 at 2025-03-14T09:31:30Z");
    }

    @Test
    void shouldComputeAndDrawOncePerVersionOfTheFiles() throws IOException {
        TestFiles.write(first, "n\n1\n", WRITTEN);
        TestFiles.write(second, "n\n2\n", WRITTEN);

        byte[] image = files.chart(TotalChart.TOTAL, ChartView.WHOLE).orElseThrow();
        assertThat(files.page(DashboardFilesTests::summary).summary()).isEqualTo("3 at 2025-03-14T09:30:00Z");
        assertThat(files.chart(TotalChart.TOTAL, ChartView.WHOLE)).containsSame(image);
        assertThat(computations).hasValue(1);

        TestFiles.write(second, "n\n5\n", WRITTEN.plusSeconds(60));

        assertThat(files.chart(TotalChart.TOTAL, ChartView.WHOLE).orElseThrow()).isNotSameAs(image);
        assertThat(files.page(DashboardFilesTests::summary).summary()).isEqualTo("6 at 2025-03-14T09:31:00Z");
        assertThat(computations).hasValue(2);
    }

    @Test
    void shouldDrawEveryChartAsSvgWithItsTableOncePerVersionAndNoneWithoutData() throws IOException {
        TestFiles.write(first, "n\n", WRITTEN);
        TestFiles.write(second, "n\n0\n", WRITTEN);

        assertThat(files.figures(ChartView.WHOLE)).isEmpty();
        assertThat(files.figure(TotalChart.TOTAL, ChartView.WHOLE)).isEmpty();

        TestFiles.write(second, "n\n2\n", WRITTEN.plusSeconds(60));
        ChartFigure figure = files.figure(TotalChart.TOTAL, ChartView.WHOLE).orElseThrow();

        assertThat(figure.table()).isEqualTo(new ChartTable(List.of("Files", "n"), 1, List.of(List.of("total", "2"))));
        assertThat(figure.svg()).startsWith("<svg ").contains("<title>total, n: 2</title>");
        assertThat(files.figures(ChartView.WHOLE)).containsOnlyKeys("TOTAL").containsEntry("TOTAL", figure);
        assertThat(files.figures(ChartView.WHOLE).get("TOTAL")).isSameAs(figure);
        assertThat(computations).hasValue(2);
    }

    @Test
    void shouldCarryTheVersionOfTheFilesItWasComputedFrom() throws IOException {
        assertThat(files.version()).isEqualTo(new DataVersion(DataVersion.NONE, null));
        assertThat(files.page(DashboardFilesTests::summary).version()).isEqualTo(files.version());

        TestFiles.write(first, "n\n1\n", WRITTEN);
        TestFiles.write(second, "n\n2\n", WRITTEN.plusSeconds(60));
        DataVersion written = files.version();

        assertThat(written.version()).isNotEqualTo(DataVersion.NONE);
        assertThat(written.updated()).isEqualTo(WRITTEN.plusSeconds(60));
        assertThat(files.page(DashboardFilesTests::summary).version()).isEqualTo(written);

        TestFiles.write(first, "n\n1\n", WRITTEN.plusSeconds(1));

        assertThat(files.version().version()).isNotEqualTo(written.version());
    }

    @Test
    void shouldDrawTheSvgOfAPageFromTheVersionOfTheFilesItCarries() throws IOException {
        TestFiles.write(first, "n\n1\n", WRITTEN);
        TestFiles.write(second, "n\n2\n", WRITTEN);
        DataVersion before = files.page(DashboardFilesTests::summary).version();
        ChartFigure figure = files.figures(ChartView.WHOLE).get("TOTAL");

        assertThat(figure.table()).isEqualTo(new ChartTable(List.of("Files", "n"), 1, List.of(List.of("total", "3"))));

        TestFiles.write(second, "n\n5\n", WRITTEN.plusSeconds(60));
        DashboardPage<String> page = files.page(DashboardFilesTests::summary);
        ChartFigure redrawn = files.figures(ChartView.WHOLE).get("TOTAL");

        assertThat(page.version()).isEqualTo(files.version()).isNotEqualTo(before);
        assertThat(page.summary()).isEqualTo("6 at 2025-03-14T09:31:00Z");
        assertThat(redrawn.table()).isEqualTo(new ChartTable(List.of("Files", "n"), 1, List.of(List.of("total", "6"))));
        assertThat(redrawn.svg()).contains("<title>total, n: 6</title>").doesNotContain("<title>total, n: 3</title>");
        assertThat(files.figure(TotalChart.TOTAL, ChartView.WHOLE)).containsSame(redrawn);
    }

    @Test
    void shouldRefuseTheContentOfAFileOutsideTheSet() throws IOException {
        CachedCsvFile<Integer> own = new CachedCsvFile<>(dataDir, "first.csv", DashboardFilesTests::sum);
        CachedCsvFile<Integer> stranger = new CachedCsvFile<>(dataDir, "stranger.csv", DashboardFilesTests::sum);
        DashboardFiles<Integer, TotalChart> mixedUp =
                new DashboardFiles<>(List.of(own), contents -> contents.get(stranger), total -> true, TotalChart.class);
        TestFiles.write(first, "n\n1\n", WRITTEN);

        assertThatThrownBy(() -> mixedUp.page(DashboardFilesTests::summary))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stranger.csv is not one of the page's files");
    }

    private static int sum(CsvTable table) {
        if (!table.hasHeader()) {
            return 0;
        }
        table.requireColumns("n");
        return table.records().stream().mapToInt(record -> (int) record.getLong("n")).sum();
    }

    private static String summary(Integer total, Instant lastModified) {
        return total + " at " + lastModified;
    }

    private enum TotalChart implements DashboardChart<Integer> {
        TOTAL {
            @Override
            public JFreeChart build(Integer total, ChartView view) {
                return Charts.bars("Files", "n", List.of(new Bar("total", total, ChartPalette.color(0))), "0");
            }
        }
    }
}
