package org.etlsuite.dashboard.chart;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A chart's SVG as the JDK's XML parser reads it, which fails on anything that is not well-formed: its data items
 * (one group per bar or point) with their tooltips and the colours they are drawn in.
 */
public final class ChartSvg {

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    private static final Pattern FILL = Pattern.compile("fill:\\s*rgb\\((\\d+),\\s*(\\d+),\\s*(\\d+)\\)");

    private final Document document;

    private ChartSvg(Document document) {
        this.document = document;
    }

    /** Parses the document, refusing a DTD: a chart needs none, and a reader would fetch it. */
    public static ChartSvg parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return new ChartSvg(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)));
    }

    public Element root() {
        return document.getDocumentElement();
    }

    /** The groups that draw one bar or point each, in drawing order. */
    public List<Element> dataItems() {
        List<Element> items = new ArrayList<>();
        NodeList groups = document.getElementsByTagNameNS(SVG_NAMESPACE, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (Charts.DATA_ITEM_CLASS.equals(group.getAttribute("class"))) {
                items.add(group);
            }
        }
        return items;
    }

    /** The tooltip of each data item: the text of its {@code <title>}, which must be its first child and its only one. */
    public List<String> titles() {
        return dataItems().stream().map(item -> {
            NodeList titles = item.getElementsByTagNameNS(SVG_NAMESPACE, "title");
            if (titles.getLength() != 1 || item.getFirstChild() != titles.item(0)) {
                throw new AssertionError("a data item without exactly one leading <title>: " + item.getTextContent());
            }
            return titles.item(0).getTextContent();
        }).toList();
    }

    /** The colour each data item's shape is filled with: the first fill in the group, before its value label. */
    public List<Color> fills() {
        return dataItems().stream().map(ChartSvg::fill).toList();
    }

    /** The distinct fills, in order of first use: one per series of a scatter chart. */
    public Set<Color> distinctFills() {
        return new LinkedHashSet<>(fills());
    }

    /**
     * The fills of the data items by what their tooltips name first (a bar's category, a point's series, e.g. its
     * zone), in order of first use.
     */
    public Map<String, Set<Color>> fillsByName() {
        Map<String, Set<Color>> fills = new LinkedHashMap<>();
        List<String> titles = titles();
        List<Color> colours = fills();
        for (int i = 0; i < titles.size(); i++) {
            String name = titles.get(i).substring(0, titles.get(i).indexOf(", "));
            fills.computeIfAbsent(name, any -> new LinkedHashSet<>()).add(colours.get(i));
        }
        return fills;
    }

    private static Color fill(Element item) {
        NodeList descendants = item.getElementsByTagName("*");
        for (int i = 0; i < descendants.getLength(); i++) {
            Matcher fill = FILL.matcher(((Element) descendants.item(i)).getAttribute("style"));
            if (fill.find()) {
                return new Color(Integer.parseInt(fill.group(1)), Integer.parseInt(fill.group(2)), Integer.parseInt(fill.group(3)));
            }
        }
        throw new AssertionError("a data item without a fill: " + item.getTextContent());
    }
}
