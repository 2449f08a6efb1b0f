package org.etlsuite.dashboard.quality;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.page.DashboardFiles;
import org.etlsuite.dashboard.page.DashboardPage;
import org.etlsuite.dashboard.page.KpiFilePage;
import org.etlsuite.dashboard.page.PageFormat;
import org.springframework.stereotype.Service;

/** Reads the data-quality file (cached per file version) and prepares the counts of the page. */
@Service
class QualityDashboardService implements KpiFilePage {

    private final DashboardFiles<List<QualityShares.StreamQuality>, QualityChart> files;

    QualityDashboardService(EtlProperties properties) {
        CachedCsvFile<List<QualityShares.StreamQuality>> quality = new CachedCsvFile<>(properties.dataDir(), QualityCsv.FILE,
                table -> QualityShares.of(QualityCsv.rows(table)));
        this.files = new DashboardFiles<>(List.of(quality), contents -> contents.get(quality), QualityShares::hasRecords,
                QualityChart.class);
    }

    @Override
    public List<CachedCsvFile<?>> kpiFiles() {
        return files.files();
    }

    @Override
    public String path() {
        return "/quality";
    }

    DashboardPage<QualityPage.Summary> page() {
        return files.page(QualityDashboardService::summary);
    }

    static QualityPage.Summary summary(List<QualityShares.StreamQuality> streams, Instant lastModified) {
        return new QualityPage.Summary(PageFormat.timestamp(lastModified),
                streams.stream().map(QualityDashboardService::stream).toList());
    }

    private static QualityPage.StreamRow stream(QualityShares.StreamQuality stream) {
        return new QualityPage.StreamRow(stream.stream(), count(stream.recordsRead()),
                line(stream.accepted()),
                line(stream.rejected()),
                stream.rejectedByRule().stream().map(QualityDashboardService::line).toList(),
                line(stream.duplicate()),
                line(stream.undecodable()),
                stream.undecodableByReason().stream().map(QualityDashboardService::line).toList());
    }

    private static QualityPage.Line line(QualityShares.Share share) {
        return new QualityPage.Line(share.label(), count(share.count()), PageFormat.percent(share.share()));
    }

    private static String count(long count) {
        return String.format(Locale.US, "%,d", count);
    }
}
