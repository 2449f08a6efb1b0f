package org.etlsuite.dashboard.kpi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.etlsuite.dashboard.csv.CsvFileSnapshot;
import org.springframework.http.MediaType;

/**
 * The two forms of a dataset: its rows as JSON, or the file itself. JSON unless the client prefers CSV, so that a
 * client accepting anything ({@code curl}, a browser) reads JSON.
 */
enum KpiRepresentation {

    JSON(MediaType.APPLICATION_JSON),
    // the reader accepts UTF-8 only, so a file that is served has been read as UTF-8
    CSV(new MediaType("text", "csv", StandardCharsets.UTF_8));

    private static final Preference UNWANTED = new Preference(0, -1);

    private final MediaType mediaType;

    KpiRepresentation(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /**
     * A strong validator of this form of one version of the file: its size and last-modified time, which change
     * with every version the transformer writes. The two forms differ, as RFC 9110 asks of representations.
     */
    String etag(CsvFileSnapshot.Loaded<?> version) {
        long nanos = version.lastModified().getEpochSecond() * 1_000_000_000L + version.lastModified().getNano();
        return "\"" + Long.toHexString(version.size()) + "-" + Long.toHexString(nanos) + "-" + name().toLowerCase(Locale.ROOT) + "\"";
    }

    /** @param accepted the request's {@code Accept} ranges ({@code *}/{@code *} when it has none) */
    static KpiRepresentation of(List<MediaType> accepted) {
        return preference(accepted, CSV.mediaType).compareTo(preference(accepted, JSON.mediaType)) > 0 ? CSV : JSON;
    }

    /** As RFC 9110 weighs a type: the quality of the most specific range that includes it. */
    private static Preference preference(List<MediaType> accepted, MediaType type) {
        MediaType best = null;
        for (MediaType range : accepted) {
            if (range.includes(type) && (best == null || specificity(range) > specificity(best))) {
                best = range;
            }
        }
        return best == null || best.getQualityValue() == 0 ? UNWANTED : new Preference(best.getQualityValue(), specificity(best));
    }

    private static int specificity(MediaType range) {
        return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
    }

    /** Higher quality first; at equal quality the type named outright beats one a wildcard covers. */
    private record Preference(double quality, int specificity) implements Comparable<Preference> {

        @Override
        public int compareTo(Preference other) {
            int byQuality = Double.compare(quality, other.quality);
            return byQuality != 0 ? byQuality : Integer.compare(specificity, other.specificity);
        }
    }
}
