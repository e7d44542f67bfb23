package io.fleetcast.app.plot;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a rendered SVG back as XML: the shapes of a named layer and the axes' tick marks, so that tests can map pixels
 * back to data values with their own copy of an axis' transform (not the renderer's).
 */
public final class SvgReading {
    private final Document document;

    private SvgReading(Document document) {
        this.document = document;
    }

    /** Parses {@code svg}; fails the test if it is not well-formed XML. */
    public static SvgReading of(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return new SvgReading(factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(UTF_8))));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed SVG: " + e.getMessage(), e);
        }
    }

    /** The root element. */
    public Element root() {
        return document.getDocumentElement();
    }

    /** The groups of class {@code kind} named {@code name}. */
    public List<Element> groups(String kind, String name) {
        List<Element> found = new ArrayList<>();
        NodeList groups = document.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.getAttribute("class").equals(kind)
                    && group.getAttribute("data-name").equals(name)) {
                found.add(group);
            }
        }
        return found;
    }

    /** The centres {x, y} of the circles of the markers layer {@code name}. */
    public List<double[]> circles(String name) {
        List<double[]> centres = new ArrayList<>();
        for (Element group : groups("markers", name)) {
            NodeList circles = group.getElementsByTagName("circle");
            for (int i = 0; i < circles.getLength(); i++) {
                Element circle = (Element) circles.item(i);
                centres.add(new double[] {
                    Double.parseDouble(circle.getAttribute("cx")), Double.parseDouble(circle.getAttribute("cy"))
                });
            }
        }
        return centres;
    }

    /** The vertices {x, y} of each polyline of the line layers named {@code name}, one list per polyline. */
    public List<List<double[]>> polylines(String name) {
        List<List<double[]>> lines = new ArrayList<>();
        for (Element group : groups("line", name)) {
            NodeList polylines = group.getElementsByTagName("polyline");
            for (int i = 0; i < polylines.getLength(); i++) {
                List<double[]> vertices = new ArrayList<>();
                for (String pair :
                        ((Element) polylines.item(i)).getAttribute("points").split(" ", -1)) {
                    String[] xy = pair.split(",", -1);
                    vertices.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
                }
                lines.add(vertices);
            }
        }
        return lines;
    }

    /**
     * The {@code kind} axis ({@code x-tick}, {@code y-tick} or {@code right-y-tick}) as its tick marks place it, with
     * {@code transform} the scale the test expects (e.g. ln for a log axis).
     */
    public AxisReading axis(String kind, DoubleUnaryOperator transform, DoubleUnaryOperator inverse) {
        List<double[]> ticks = new ArrayList<>();
        NodeList groups = document.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.getAttribute("class").equals(kind)) {
                Element line = (Element) group.getElementsByTagName("polyline").item(0);
                String[] first = line.getAttribute("points").split(" ", -1)[0].split(",", -1);
                double pixel = Double.parseDouble(kind.equals("x-tick") ? first[0] : first[1]);
                ticks.add(new double[] {Double.parseDouble(group.getAttribute("data-name")), pixel});
            }
        }
        if (ticks.size() < 2) {
            throw new AssertionError("the SVG has " + ticks.size() + " " + kind + " marks; need 2 to read the axis");
        }
        return new AxisReading(ticks.get(0), ticks.get(ticks.size() - 1), transform, inverse);
    }

    /** An axis read from two of its tick marks: value to pixel and back, by the test's own transform. */
    public static final class AxisReading {
        private final double[] first;
        private final double[] last;
        private final DoubleUnaryOperator transform;
        private final DoubleUnaryOperator inverse;

        AxisReading(double[] first, double[] last, DoubleUnaryOperator transform, DoubleUnaryOperator inverse) {
            this.first = first;
            this.last = last;
            this.transform = transform;
            this.inverse = inverse;
        }

        /** The pixel of {@code value}. */
        public double pixel(double value) {
            double from = transform.applyAsDouble(first[0]);
            double to = transform.applyAsDouble(last[0]);
            return first[1] + (transform.applyAsDouble(value) - from) / (to - from) * (last[1] - first[1]);
        }

        /** The value at {@code pixel}. */
        public double value(double pixel) {
            double from = transform.applyAsDouble(first[0]);
            double to = transform.applyAsDouble(last[0]);
            return inverse.applyAsDouble(from + (pixel - first[1]) / (last[1] - first[1]) * (to - from));
        }
    }

    /** The y pixel of {@code polyline} at pixel column {@code x}, by linear interpolation between its vertices. */
    public static double rowAt(List<double[]> polyline, double x) {
        for (int i = 1; i < polyline.size(); i++) {
            double[] a = polyline.get(i - 1);
            double[] b = polyline.get(i);
            if ((a[0] <= x && x <= b[0]) || (b[0] <= x && x <= a[0])) {
                return a[0] == b[0] ? a[1] : a[1] + (x - a[0]) / (b[0] - a[0]) * (b[1] - a[1]);
            }
        }
        throw new AssertionError("the polyline does not reach x = " + x);
    }
}
