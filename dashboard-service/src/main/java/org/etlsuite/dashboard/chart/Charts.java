package org.etlsuite.dashboard.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds the dashboard's charts with one consistent, flat look and encodes them as PNG.
 * Titles are left to the HTML page around the image, so charts carry axis labels only.
 * Number formats use a fixed locale so the images do not depend on the server's settings.
 */
public final class Charts {

    private static final Color TEXT = new Color(0x1F2937);
    private static final Color MUTED = new Color(0x6B7280);
    private static final Color GRID = new Color(0xE5E7EB);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final String SERIES = "value";

    private Charts() {
    }

    /** Vertical bar chart, one colour per bar, each bar labelled with its value. */
    public static JFreeChart bars(String categoryAxisLabel, String valueAxisLabel, List<Bar> bars, String valuePattern) {
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
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.14);
        renderer.setItemMargin(0);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", decimalFormat(valuePattern)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(LABEL_FONT);
        renderer.setDefaultItemLabelPaint(TEXT);

        CategoryAxis categoryAxis = new CategoryAxis(categoryAxisLabel);
        styleAxis(categoryAxis);
        categoryAxis.setCategoryMargin(0.25);
        // long zone names ("Emiliano Zapata") wrap instead of being cut off
        categoryAxis.setMaximumCategoryLabelLines(2);
        NumberAxis valueAxis = new NumberAxis(valueAxisLabel);
        styleAxis(valueAxis);
        valueAxis.setNumberFormatOverride(decimalFormat("#,##0.##"));
        // room above the tallest bar for its label
        valueAxis.setUpperMargin(0.12);

        CategoryPlot plot = new CategoryPlot(dataset, categoryAxis, valueAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        return finish(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
    }

    /** Scatter chart with one coloured series per entry and a legend below the plot. */
    public static JFreeChart scatter(String xAxisLabel, String yAxisLabel, List<PointSeries> series) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true) {
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
            entry.points().forEach(point -> xy.add(point.x(), point.y()));
            dataset.addSeries(xy);
            Color color = entry.color();
            // translucent markers so that overlapping points stay visible
            renderer.setSeriesPaint(i, new Color(color.getRed(), color.getGreen(), color.getBlue(), 190));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        NumberAxis xAxis = new NumberAxis(xAxisLabel);
        NumberAxis yAxis = new NumberAxis(yAxisLabel);
        for (NumberAxis axis : List.of(xAxis, yAxis)) {
            styleAxis(axis);
            axis.setAutoRangeIncludesZero(false);
            axis.setNumberFormatOverride(decimalFormat("#,##0.##"));
        }
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemFont(LABEL_FONT);
        legend.setItemPaint(TEXT);
        legend.setBackgroundPaint(Color.WHITE);
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
