package org.etlsuite.dashboard.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DateFormat;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.CategoryToolTipGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * Builds the dashboard's charts with one consistent, flat look and encodes them as PNG or SVG.
 * Titles are left to the HTML page around the image, so charts carry axis labels only.
 * Number formats use a fixed locale so the images do not depend on the server's settings.
 *
 * <p>Every bar and point has a tooltip giving its exact values (JFreeChart's tooltip generators); in SVG each
 * data item is a group of its own whose {@code <title>} is that tooltip, which browsers show on hover.
 * {@link ChartTable} reads the same data and formats back out of a chart for the table beside it.
 */
public final class Charts {

    private static final Color TEXT = new Color(0x1F2937);
    private static final Color MUTED = new Color(0x6B7280);
    private static final Color GRID = new Color(0xE5E7EB);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final String SERIES = "value";
    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);
    private static final long HALF_DAY_MILLIS = Duration.ofHours(12).toMillis();
    /** The class of the SVG group that draws one bar or point, its {@code <title>} first. */
    public static final String DATA_ITEM_CLASS = "data-item";
    /** Tooltips (and so the tables) give values to four decimals, where the labels on a chart round them. */
    private static final String EXACT_PATTERN = "#,##0.####";

    private Charts() {
    }

    /** Vertical bar chart, one colour per bar, each bar labelled with its value. */
    public static JFreeChart bars(String categoryAxisLabel, String valueAxisLabel, List<Bar> bars, String valuePattern) {
        return bars(categoryAxisLabel, valueAxisLabel, bars, valuePattern, EXACT_PATTERN);
    }

    /**
     * {@link #bars(String, String, List, String) Vertical bar chart} whose tooltips give the values with
     * {@code exactPattern}, e.g. money with its cents.
     */
    public static JFreeChart bars(String categoryAxisLabel, String valueAxisLabel, List<Bar> bars, String valuePattern,
            String exactPattern) {
        return barChart(categoryAxisLabel, valueAxisLabel, bars, valuePattern, exactPattern, PlotOrientation.VERTICAL);
    }

    /**
     * Horizontal bar chart, first bar at the top, each bar labelled with its value at its end. For
     * rankings and for long category names, which have the whole left margin to wrap in.
     */
    public static JFreeChart horizontalBars(String categoryAxisLabel, String valueAxisLabel, List<Bar> bars, String valuePattern) {
        return barChart(categoryAxisLabel, valueAxisLabel, bars, valuePattern, EXACT_PATTERN, PlotOrientation.HORIZONTAL);
    }

    private static JFreeChart barChart(String categoryAxisLabel, String valueAxisLabel, List<Bar> bars, String valuePattern,
            String exactPattern, PlotOrientation orientation) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Bar bar : bars) {
            dataset.addValue(bar.value(), SERIES, bar.label());
        }
        List<Paint> paints = bars.stream().<Paint>map(Bar::color).toList();
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return paints.get(column);
            }

            @Override
            public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                    CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset data, int row, int column, int pass) {
                CategoryToolTipGenerator toolTips = getToolTipGenerator(row, column);
                titled(g2, toolTips.generateToolTip(data, row, column),
                        () -> super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, data, row, column, pass));
            }
        };
        // e.g. "Centro, Mean noise (dB): 64.5"
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator(
                "{1}, " + literal(valueAxisLabel + ": ") + "{2}", decimalFormat(exactPattern)));
        styleBars(renderer, valuePattern, 0);
        CategoryAxis categoryAxis = categoryAxis(categoryAxisLabel);
        NumberAxis valueAxis = barValueAxis(valueAxisLabel);
        if (orientation == PlotOrientation.HORIZONTAL) {
            // the default label position sits above a bar's end, which is beside it once bars lie down
            renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
            // labels run along the value axis here, and "12,345" is wider than it is tall
            valueAxis.setUpperMargin(0.18);
            // names like "South Zone (Emiliano Zapata Sur/San Haroldo)" need more than the default 30 %
            categoryAxis.setMaximumCategoryLabelWidthRatio(0.4f);
        }

        CategoryPlot plot = new CategoryPlot(dataset, categoryAxis, valueAxis, renderer);
        plot.setOrientation(orientation);
        // below the plot in both orientations, where readers look for the scale
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        styleCategoryPlot(plot);
        return chart(plot, false);
    }

    /**
     * Line chart of one value per day, with a marker on every day. Days are UTC days, like the
     * files; the axis starts and ends half a day beyond the first and last day so that a single
     * day still gets a visible point with its date under it, and ticks fall on whole days only.
     */
    public static JFreeChart daily(String valueAxisLabel, List<DayValue> days, Color color) {
        XYSeries xy = new XYSeries(SERIES, true, false);
        days.forEach(day -> xy.add(epochMillis(day.day()), day.value()));
        XYLineAndShapeRenderer renderer = new TitledItemsRenderer(true);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setDrawOutlines(false);
        // e.g. "2025-03-13, Passengers: 122,345"; the day as the files write it
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{1}, " + literal(valueAxisLabel + ": ") + "{2}",
                utcFormat("yyyy-MM-dd"), decimalFormat(EXACT_PATTERN)));
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));

        DateAxis dateAxis = new DateAxis("Day (UTC)", UTC, Locale.US);
        styleAxis(dateAxis);
        dateAxis.setStandardTickUnits(wholeDayTickUnits());
        days.stream().map(DayValue::day).min(Comparator.naturalOrder()).ifPresent(first -> {
            LocalDate last = days.stream().map(DayValue::day).max(Comparator.naturalOrder()).orElseThrow();
            dateAxis.setRange(epochMillis(first) - HALF_DAY_MILLIS, epochMillis(last) + HALF_DAY_MILLIS);
        });
        NumberAxis valueAxis = new NumberAxis(valueAxisLabel);
        styleAxis(valueAxis);
        valueAxis.setNumberFormatOverride(decimalFormat("#,##0.##"));
        valueAxis.setUpperMargin(0.1);

        XYPlot plot = new XYPlot(new XYSeriesCollection(xy), dateAxis, valueAxis, renderer);
        styleXyPlot(plot, false);
        return chart(plot, false);
    }

    /**
     * Line chart of one coloured line per entry over UTC hours or days, with a marker on every point and a legend
     * below the plot when there is more than one line.
     *
     * @param seriesLabel what the lines are, e.g. "Zone"; the heading of the lines in the chart's {@link ChartTable}
     * @param hourly      whether a point is an hour (else a day): how the axis and the tooltips print its time
     */
    public static JFreeChart timeLines(String seriesLabel, String valueAxisLabel, List<TimeLine> lines, boolean hourly) {
        return timeLines(seriesLabel, valueAxisLabel, lines, hourly, EXACT_PATTERN);
    }

    /**
     * {@link #timeLines(String, String, List, boolean)} whose tooltips (and so its table) give the values with the
     * pattern, e.g. money as {@code "#,##0.00"}.
     */
    public static JFreeChart timeLines(String seriesLabel, String valueAxisLabel, List<TimeLine> lines, boolean hourly,
            String valuePattern) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new TitledItemsRenderer(true);
        // one path per line rather than a segment per point, and filled markers without an outline: two elements
        // fewer per point
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setDrawOutlines(false);
        for (int i = 0; i < lines.size(); i++) {
            TimeLine line = lines.get(i);
            XYSeries xy = new XYSeries(line.name(), true, false);
            xy.setDescription(seriesLabel);
            line.points().forEach(point -> xy.add(point.start().toInstant(ZoneOffset.UTC).toEpochMilli(), point.value()));
            dataset.addSeries(xy);
            renderer.setSeriesPaint(i, line.color());
            renderer.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        // e.g. "Centro, 2025-03-13 08:00, Mean pollution index: 48.5"
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}, {1}, " + literal(valueAxisLabel + ": ") + "{2}",
                utcFormat(hourly ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd"), decimalFormat(valuePattern)));

        DateAxis timeAxis = new DateAxis(hourly ? "Hour (UTC)" : "Day (UTC)", UTC, Locale.US);
        styleAxis(timeAxis);
        timeAxis.setStandardTickUnits(hourly ? hourTickUnits() : wholeDayTickUnits());
        // a single point still gets a span with ticks of their own
        timeAxis.setAutoRangeMinimumSize((hourly ? Duration.ofHours(2) : Duration.ofDays(2)).toMillis());
        NumberAxis valueAxis = new NumberAxis(valueAxisLabel);
        styleAxis(valueAxis);
        valueAxis.setAutoRangeMinimumSize(1);
        valueAxis.setNumberFormatOverride(decimalFormat("#,##0.##"));
        valueAxis.setUpperMargin(0.1);

        XYPlot plot = new XYPlot(dataset, timeAxis, valueAxis, renderer);
        styleXyPlot(plot, false);

        return chart(plot, lines.size() > 1);
    }

    /**
     * Scatter chart with one coloured series per entry and a legend below the plot.
     *
     * @param seriesLabel what the series are, e.g. "Zone"; the heading of the series in the chart's {@link ChartTable}
     */
    public static JFreeChart scatter(String seriesLabel, String xAxisLabel, String yAxisLabel, List<PointSeries> series) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new TitledItemsRenderer(false) {
            @Override
            public LegendItem getLegendItem(int datasetIndex, int seriesIndex) {
                // markers are translucent, legend swatches should show the zone's real colour
                LegendItem item = super.getLegendItem(datasetIndex, seriesIndex);
                if (item != null) {
                    item.setFillPaint(series.get(seriesIndex).color());
                }
                return item;
            }
        };
        for (int i = 0; i < series.size(); i++) {
            PointSeries entry = series.get(i);
            XYSeries xy = new XYSeries(entry.name(), false, true);
            xy.setDescription(seriesLabel);
            entry.points().forEach(point -> xy.add(point.x(), point.y()));
            dataset.addSeries(xy);
            Color color = entry.color();
            // translucent markers so that overlapping points stay visible
            renderer.setSeriesPaint(i, new Color(color.getRed(), color.getGreen(), color.getBlue(), 190));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        // a translucent marker needs no outline, and each outline would be one more element per point
        renderer.setDrawOutlines(false);
        // e.g. "Centro, Mean vehicle count per hour: 120.5, Mean pollution index: 48"
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator(
                "{0}, " + literal(xAxisLabel + ": ") + "{1}, " + literal(yAxisLabel + ": ") + "{2}",
                decimalFormat(EXACT_PATTERN), decimalFormat(EXACT_PATTERN)));
        NumberAxis xAxis = new NumberAxis(xAxisLabel);
        NumberAxis yAxis = new NumberAxis(yAxisLabel);
        for (NumberAxis axis : List.of(xAxis, yAxis)) {
            styleAxis(axis);
            axis.setAutoRangeIncludesZero(false);
            // one point (one zone's single hour) would otherwise get a range of a millionth, every tick the same label
            axis.setAutoRangeMinimumSize(1);
            axis.setNumberFormatOverride(decimalFormat("#,##0.##"));
        }
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        styleXyPlot(plot, true);

        return chart(plot, true);
    }

    /**
     * Vertical bar chart of one group of bars per category, one coloured bar per series in each group, each bar
     * labelled with its value, and a legend of the series below the plot. A series without a value for a category
     * leaves a gap in that group (and no row in the chart's {@link ChartTable}).
     *
     * @param seriesLabel what the series are, e.g. "Payment method"; the heading of the series in the chart's {@link ChartTable}
     * @param categories  the groups, in the order drawn
     */
    public static JFreeChart groupedBars(String categoryAxisLabel, String seriesLabel, String valueAxisLabel, List<String> categories,
            List<BarSeries> series, String valuePattern) {
        GroupedBarsDataset dataset = new GroupedBarsDataset(seriesLabel);
        for (BarSeries entry : series) {
            if (!categories.containsAll(entry.values().keySet())) {
                throw new IllegalArgumentException("series " + entry.name() + " has values for categories other than " + categories);
            }
            for (String category : categories) {
                // a null value keeps the category's place in the group: every series has its column for every category
                dataset.addValue(entry.values().get(category), entry.name(), category);
            }
        }
        BarRenderer renderer = new BarRenderer() {
            @Override
            public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                    CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset data, int row, int column, int pass) {
                // no bar, so no tooltip either: an empty data item would be a tooltip of nothing
                if (data.getValue(row, column) == null) {
                    return;
                }
                CategoryToolTipGenerator toolTips = getToolTipGenerator(row, column);
                titled(g2, toolTips.generateToolTip(data, row, column),
                        () -> super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, data, row, column, pass));
            }
        };
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, series.get(i).color());
        }
        // e.g. "Regular, Card, Trips: 4,100"
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator(
                "{1}, {0}, " + literal(valueAxisLabel + ": ") + "{2}", decimalFormat(EXACT_PATTERN)));
        // a narrow gap between the bars of a group, a wide one between groups
        styleBars(renderer, valuePattern, 0.05);

        CategoryPlot plot = new CategoryPlot(dataset, categoryAxis(categoryAxisLabel), barValueAxis(valueAxisLabel), renderer);
        styleCategoryPlot(plot);

        return chart(plot, true);
    }

    /** The data of a {@link #groupedBars grouped bar chart}, which knows what its series are for the {@link ChartTable}. */
    static final class GroupedBarsDataset extends DefaultCategoryDataset {

        private final String seriesLabel;

        GroupedBarsDataset(String seriesLabel) {
            this.seriesLabel = seriesLabel;
        }

        String seriesLabel() {
            return seriesLabel;
        }
    }

    /** Flat bars, each labelled with its value. */
    private static void styleBars(BarRenderer renderer, String valuePattern, double itemMargin) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.14);
        renderer.setItemMargin(itemMargin);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", decimalFormat(valuePattern)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(LABEL_FONT);
        renderer.setDefaultItemLabelPaint(TEXT);
    }

    private static CategoryAxis categoryAxis(String label) {
        CategoryAxis axis = new CategoryAxis(label);
        styleAxis(axis);
        axis.setCategoryMargin(0.25);
        // long zone names ("Emiliano Zapata") wrap instead of being cut off
        axis.setMaximumCategoryLabelLines(2);
        return axis;
    }

    private static NumberAxis barValueAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        styleAxis(axis);
        axis.setNumberFormatOverride(decimalFormat("#,##0.##"));
        // room above the tallest bar for its label
        axis.setUpperMargin(0.12);
        return axis;
    }

    private static void styleCategoryPlot(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
    }

    /** @param domainGrid whether the x values get grid lines too (a scatter chart's do; a time axis's do not) */
    private static void styleXyPlot(XYPlot plot, boolean domainGrid) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(domainGrid);
        plot.setDomainGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    /** The chart of the plot, untitled (the page titles it), with its legend below the plot or none. */
    private static JFreeChart chart(Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
        if (legend) {
            LegendTitle title = chart.getLegend();
            title.setPosition(RectangleEdge.BOTTOM);
            title.setFrame(BlockBorder.NONE);
            title.setItemFont(LABEL_FONT);
            title.setItemPaint(TEXT);
            title.setBackgroundPaint(Color.WHITE);
        }
        return finish(chart);
    }

    /** Renders the chart to PNG bytes of exactly {@code width} x {@code height} pixels. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            // only an in-memory stream is involved
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Renders the chart as an {@code <svg>} element (no XML declaration, so that a page can inline it) that
     * scales with its container: {@code width} x {@code height} is its size and its view box.
     */
    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        // a tenth of a unit is finer than any screen shows the chart at; the default writes every coordinate with
        // sixteen digits, which made a chart of a few hundred points most of a page's bytes
        g2.setGeomDoubleConverter(Charts::tenths);
        g2.setTransformDoubleConverter(Charts::tenths);
        chart.draw(g2, new Rectangle(width, height));
        return g2.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
    }

    private static String tenths(double value) {
        double rounded = Math.rint(value * 10) / 10;
        long whole = (long) rounded;
        return rounded == whole ? Long.toString(whole) : Double.toString(rounded);
    }

    /**
     * Draws one data item as an SVG group whose first child is its title, the browser's tooltip for everything
     * in the group. Other graphics (the PNGs) have no groups, and draw the item alone.
     */
    private static void titled(Graphics2D g2, String title, Runnable drawItem) {
        if (!(g2 instanceof SVGGraphics2D)) {
            drawItem.run();
            return;
        }
        // a group id would have to be unique on the page that inlines several charts; a class needs not
        g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, Map.of("class", DATA_ITEM_CLASS));
        g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, title);
        drawItem.run();
        g2.setRenderingHint(SVGHints.KEY_END_GROUP, "");
    }

    /** Lines and shapes whose points (not the lines between them) are each drawn {@link #titled}. */
    private static class TitledItemsRenderer extends XYLineAndShapeRenderer {

        TitledItemsRenderer(boolean lines) {
            super(lines, true);
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info, XYPlot plot,
                ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset data, int series, int item, CrosshairState crosshairState,
                int pass) {
            Runnable draw = () -> super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, data, series, item,
                    crosshairState, pass);
            if (isItemPass(pass)) {
                XYToolTipGenerator toolTips = getToolTipGenerator(series, item);
                titled(g2, toolTips.generateToolTip(data, series, item), draw);
            } else {
                draw.run();
            }
        }
    }

    /** Text that a {@link java.text.MessageFormat} pattern prints as it is. */
    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static long epochMillis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** The axis picks the smallest of these that fits its labels; none is shorter than a day. */
    private static TickUnits wholeDayTickUnits() {
        TickUnits units = new TickUnits();
        for (int days : new int[] {1, 2, 7, 14}) {
            units.add(new DateTickUnit(DateTickUnitType.DAY, days, utcFormat("MMM d")));
        }
        for (int months : new int[] {1, 3, 6}) {
            units.add(new DateTickUnit(DateTickUnitType.MONTH, months, utcFormat("MMM yyyy")));
        }
        units.add(new DateTickUnit(DateTickUnitType.YEAR, 1, utcFormat("yyyy")));
        return units;
    }

    /** Ticks on whole hours for a day or two, whole days beyond. */
    private static TickUnits hourTickUnits() {
        TickUnits units = new TickUnits();
        for (int hours : new int[] {1, 2, 3, 6, 12}) {
            units.add(new DateTickUnit(DateTickUnitType.HOUR, hours, utcFormat("HH:mm")));
        }
        for (int days : new int[] {1, 2, 7}) {
            units.add(new DateTickUnit(DateTickUnitType.DAY, days, utcFormat("MMM d")));
        }
        return units;
    }

    private static DateFormat utcFormat(String pattern) {
        // English month abbreviations, like the rest of the page
        DateFormat format = new SimpleDateFormat(pattern, Locale.US);
        format.setTimeZone(UTC);
        return format;
    }

    private static void styleAxis(Axis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(MUTED);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(GRID);
        axis.setTickMarksVisible(false);
    }

    private static JFreeChart finish(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(12, 8, 8, 16));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    private static NumberFormat decimalFormat(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
