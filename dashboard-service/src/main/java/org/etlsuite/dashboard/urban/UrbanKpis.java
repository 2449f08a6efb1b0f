package org.etlsuite.dashboard.urban;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.etlsuite.dashboard.chart.TimeRange;

/**
 * The urban dashboard's numbers, computed once per version of the aggregate file.
 *
 * <p>Every row of the file is already a mean over {@code readings} readings, so means across
 * rows are weighted by {@code readings}; an unweighted mean of the row means would give a quiet
 * hour with three readings the same say as a busy one with three hundred.
 *
 * <p>Zones are listed in alphabetical order everywhere, which also fixes each zone's colour.
 */
final class UrbanKpis {

    private final List<UrbanAggregate> rows;
    private final long totalReadings;
    private final OptionalDouble averagePollutionIndex;
    private final List<String> zones;
    private final List<ZoneNoise> meanNoiseByZone;
    private final Optional<ZoneNoise> loudestZone;
    private final OptionalDouble trafficPollutionCorrelation;
    private final LocalDateTime end;
    private final Map<TimeRange, LocalDateTime> firstShown = new EnumMap<>(TimeRange.class);

    private UrbanKpis(List<UrbanAggregate> rows) {
        this.rows = List.copyOf(rows);
        long readings = 0;
        double pollutionSum = 0;
        TreeSet<String> zoneNames = new TreeSet<>();
        Map<String, long[]> readingsByZone = new TreeMap<>();
        Map<String, double[]> noiseSumByZone = new TreeMap<>();
        for (UrbanAggregate row : this.rows) {
            zoneNames.add(row.location());
            readings += row.readings();
            pollutionSum += row.pollutionIdx() * row.readings();
            readingsByZone.computeIfAbsent(row.location(), zone -> new long[1])[0] += row.readings();
            noiseSumByZone.computeIfAbsent(row.location(), zone -> new double[1])[0] += row.noiseDb() * row.readings();
        }
        this.totalReadings = readings;
        this.averagePollutionIndex = readings > 0 ? OptionalDouble.of(pollutionSum / readings) : OptionalDouble.empty();
        this.zones = List.copyOf(zoneNames);
        List<ZoneNoise> noise = new ArrayList<>();
        readingsByZone.forEach((zone, count) -> {
            if (count[0] > 0) {
                noise.add(new ZoneNoise(zone, noiseSumByZone.get(zone)[0] / count[0], count[0]));
            }
        });
        this.meanNoiseByZone = List.copyOf(noise);
        // max() keeps the first of equal elements; the list is alphabetical, so ties go to the
        // alphabetically first zone and the sentence does not flip between page loads
        this.loudestZone = meanNoiseByZone.stream()
                .reduce((best, next) -> next.meanNoiseDb() > best.meanNoiseDb() ? next : best);
        this.trafficPollutionCorrelation = PearsonCorrelation.of(
                this.rows.stream().mapToDouble(UrbanAggregate::vehicleCount).toArray(),
                this.rows.stream().mapToDouble(UrbanAggregate::pollutionIdx).toArray());
        this.end = this.rows.stream().map(UrbanKpis::start).max(Comparator.naturalOrder()).map(newest -> newest.plusHours(1)).orElse(null);
        // asked for on every request of the page (what its charts show), so found once per version of the file
        for (TimeRange range : TimeRange.values()) {
            within(range).map(UrbanKpis::start).min(Comparator.naturalOrder()).ifPresent(first -> firstShown.put(range, first));
        }
    }

    static UrbanKpis of(List<UrbanAggregate> rows) {
        return new UrbanKpis(rows);
    }

    List<UrbanAggregate> rows() {
        return rows;
    }

    /** Sum of {@code readings} over all rows. */
    long totalReadings() {
        return totalReadings;
    }

    /** Whether there is anything to show: at least one reading. */
    boolean hasReadings() {
        return totalReadings > 0;
    }

    /** {@code sum(pollution_idx * readings) / sum(readings)}; empty without readings. */
    OptionalDouble averagePollutionIndex() {
        return averagePollutionIndex;
    }

    /** Distinct zones (locations) in the file, alphabetical. */
    List<String> zones() {
        return zones;
    }

    /** Mean noise per zone weighted by readings, alphabetical; zones without readings left out. */
    List<ZoneNoise> meanNoiseByZone() {
        return meanNoiseByZone;
    }

    Optional<ZoneNoise> loudestZone() {
        return loudestZone;
    }

    /** E.g. "Emiliano Zapata is the loudest zone with a mean of 71.3 dB." */
    Optional<String> insight() {
        return loudestZone.map(zone -> String.format(Locale.ROOT,
                "%s is the loudest zone with a mean of %.1f dB.", zone.zone(), zone.meanNoiseDb()));
    }

    /**
     * Pearson's r of mean vehicle count and mean pollution index over the rows, one point per zone and hour as on
     * the scatter chart, unweighted: it tells how closely the points of the chart follow a line. Empty for fewer
     * than three rows or when either column does not vary.
     */
    OptionalDouble trafficPollutionCorrelation() {
        return trafficPollutionCorrelation;
    }

    /** E.g. "Vehicle count and pollution index show a moderate positive correlation (r = 0.74) over 5 hourly buckets." */
    String trafficPollutionInsight() {
        return trafficPollutionSentence(trafficPollutionCorrelation, rows.size());
    }

    /**
     * The sentence for a coefficient: below 0.2 (by size) no clear link, below 0.5 weak, below 0.8 moderate, else
     * strong. The wording goes by r as printed, to two decimals, so that the number and the words never disagree
     * (0.199 is shown as 0.20, which is weak).
     */
    static String trafficPollutionSentence(OptionalDouble correlation, int buckets) {
        if (correlation.isEmpty()) {
            return "There is not enough data yet to relate vehicle count to pollution index: it takes at least "
                    + PearsonCorrelation.MINIMUM_POINTS + " hourly buckets in which both vary.";
        }
        BigDecimal r = BigDecimal.valueOf(correlation.getAsDouble()).setScale(2, RoundingMode.HALF_UP);
        double size = r.abs().doubleValue();
        String over = String.format(Locale.ROOT, " (r = %s) over %d hourly buckets.", r.toPlainString(), buckets);
        if (size < 0.2) {
            return "Vehicle count and pollution index show no clear link" + over;
        }
        String strength = size < 0.5 ? "a weak" : size < 0.8 ? "a moderate" : "a strong";
        String direction = r.signum() > 0 ? "positive" : "negative";
        return "Vehicle count and pollution index show " + strength + " " + direction + " correlation" + over;
    }

    /**
     * The buckets within the time range, of one zone (every zone for null), grouped by zone alphabetically and
     * in time order: one bucket per row of the file while the rows shown span at most
     * {@link TimeRange#LONGEST_HOURLY_SPAN}, else one per zone and day, whose means are the day's weighted by
     * readings. Both time charts of the page draw these.
     */
    List<ZoneBuckets> byZone(TimeRange range, String zone) {
        boolean hourly = showsHours(range);
        Map<String, TreeMap<LocalDateTime, double[]>> byZone = new LinkedHashMap<>();
        zones.stream().filter(name -> zone == null || zone.equals(name)).forEach(name -> byZone.put(name, new TreeMap<>()));
        within(range).filter(row -> byZone.containsKey(row.location())).forEach(row -> {
            LocalDateTime bucket = hourly ? start(row) : row.day().atStartOfDay();
            // sums of readings, vehicle_count * readings and pollution_idx * readings
            double[] sums = byZone.get(row.location()).computeIfAbsent(bucket, start -> new double[3]);
            sums[0] += row.readings();
            sums[1] += row.vehicleCount() * row.readings();
            sums[2] += row.pollutionIdx() * row.readings();
        });
        return byZone.entrySet().stream()
                .map(entry -> new ZoneBuckets(entry.getKey(), entry.getValue().entrySet().stream()
                        .filter(bucket -> bucket.getValue()[0] > 0)
                        .map(bucket -> new Bucket(bucket.getKey(), bucket.getValue()[1] / bucket.getValue()[0],
                                bucket.getValue()[2] / bucket.getValue()[0]))
                        .toList()))
                .toList();
    }

    /** Whether the range is shown per hour, rather than per day. */
    boolean showsHours(TimeRange range) {
        return firstShown(range).map(first -> TimeRange.showsHours(first, end)).orElse(true);
    }

    /** The start of the oldest hour within the range; empty without rows. */
    Optional<LocalDateTime> firstShown(TimeRange range) {
        return Optional.ofNullable(firstShown.get(range));
    }

    /** The end of the newest hour in the file, from which the time ranges are counted back; null without rows. */
    LocalDateTime end() {
        return end;
    }

    private Stream<UrbanAggregate> within(TimeRange range) {
        return rows.stream().filter(row -> range.includes(start(row), end));
    }

    private static LocalDateTime start(UrbanAggregate row) {
        return row.day().atTime(row.hour(), 0);
    }

    Optional<LocalDate> firstDay() {
        return rows.stream().map(UrbanAggregate::day).min(Comparator.naturalOrder());
    }

    Optional<LocalDate> lastDay() {
        return rows.stream().map(UrbanAggregate::day).max(Comparator.naturalOrder());
    }

    record ZoneNoise(String zone, double meanNoiseDb, long readings) {
    }

    /** The weighted means of one zone over one hour or day, starting at {@code start}. */
    record Bucket(LocalDateTime start, double vehicleCount, double pollutionIdx) {
    }

    record ZoneBuckets(String zone, List<Bucket> buckets) {

        ZoneBuckets {
            buckets = List.copyOf(buckets);
        }
    }
}
