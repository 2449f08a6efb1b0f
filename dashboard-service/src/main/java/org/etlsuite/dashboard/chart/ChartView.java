package org.etlsuite.dashboard.chart;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a page's reader chose to see of its charts: a {@link TimeRange} for the time charts and, where a chart has a
 * series per zone or category, one series alone (null for all of them). Both come from the query of the page's URL,
 * so that a choice works without JavaScript and can be linked to.
 */
public record ChartView(TimeRange range, String series) {

    /** The name of the query parameter that chooses one series. */
    public static final String SERIES_PARAMETER = "zone";

    /** Everything: what a chart that offers no choice is drawn with. */
    public static final ChartView WHOLE = new ChartView(TimeRange.ALL, null);

    public ChartView {
        Objects.requireNonNull(range, "range");
    }

    /** The view of one time range, all series. */
    public static ChartView of(TimeRange range) {
        return new ChartView(range, null);
    }

    /**
     * The view the query asked for, of a page whose charts offer a time range and no choice of series.
     *
     * @param range the value of {@link TimeRange#PARAMETER}, null for {@link TimeRange#ALL}
     * @throws ResponseStatusException (400) for a range that does not exist
     */
    public static ChartView ofRange(String range) {
        return of(range, null, List.of());
    }

    /**
     * The view the query asked for.
     *
     * @param range  the value of {@link TimeRange#PARAMETER}, null for {@link TimeRange#ALL}
     * @param series the value of {@link #SERIES_PARAMETER}, null or empty for every series
     * @param known  the series there are; a view is drawn and kept per series, so only these are accepted
     * @throws ResponseStatusException (400) for a range or series that does not exist
     */
    public static ChartView of(String range, String series, Collection<String> known) {
        TimeRange timeRange = range == null ? TimeRange.ALL : TimeRange.ofParameter(range);
        if (series == null || series.isEmpty()) {
            return new ChartView(timeRange, null);
        }
        if (!known.contains(series)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "There is no zone '" + series + "' in the data; the zones are "
                    + String.join(", ", known) + ".");
        }
        return new ChartView(timeRange, series);
    }

    /** The same view with every series. */
    public ChartView allSeries() {
        return new ChartView(range, null);
    }

    /** Whether the view shows this series. */
    public boolean shows(String name) {
        return series == null || series.equals(name);
    }

    /** A link to each time range at {@code path}, keeping the chosen series. */
    public List<ViewChoice> rangeChoices(String path) {
        return Stream.of(TimeRange.values())
                .map(choice -> new ViewChoice(choice.label(), new ChartView(choice, series).href(path), choice == range, null))
                .toList();
    }

    /**
     * A link to every series together and to each series alone at {@code path}, keeping the chosen range.
     *
     * @param colors the colour of a series, as CSS hex
     */
    public List<ViewChoice> seriesChoices(String path, String allLabel, List<String> names, Function<String, String> colors) {
        return Stream.concat(
                        Stream.of(new ViewChoice(allLabel, allSeries().href(path), series == null, null)),
                        names.stream().map(name -> new ViewChoice(name, new ChartView(range, name).href(path), name.equals(series),
                                colors.apply(name))))
                .toList();
    }

    /** The URL of {@code path} with this view as its query; the whole view has none. */
    public String href(String path) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (range != TimeRange.ALL) {
            uri.queryParam(TimeRange.PARAMETER, range.parameter());
        }
        if (series != null) {
            uri.queryParam(SERIES_PARAMETER, series);
        }
        return uri.encode().build().toUriString();
    }
}
