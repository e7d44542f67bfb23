package io.fleetcast.app.plot;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Writes the drawing as SVG 1.1 text; groups keep their kind as {@code class} and their name as {@code data-name}. */
final class SvgCanvas implements Canvas {
    private final StringBuilder svg = new StringBuilder();
    private int clips;

    SvgCanvas(int width, int height) {
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">\n");
    }

    /** The document, closed. */
    String document() {
        return svg + "</svg>\n";
    }

    @Override
    public void begin(String kind, String name) {
        svg.append("<g class=\"").append(escape(kind)).append('"');
        if (!name.isEmpty()) {
            svg.append(" data-name=\"").append(escape(name)).append('"');
        }
        svg.append(">\n");
    }

    @Override
    public void end() {
        svg.append("</g>\n");
    }

    @Override
    public void clip(double x, double y, double width, double height) {
        String id = "clip" + ++clips;
        svg.append("<defs><clipPath id=\"").append(id).append("\">");
        rect(x, y, width, height);
        svg.append(" fill=\"black\"/></clipPath></defs>\n");
        svg.append("<g clip-path=\"url(#").append(id).append(")\">\n");
    }

    @Override
    public void unclip() {
        end();
    }

    @Override
    public void rectangle(double x, double y, double width, double height, @Nullable Rgb fill, @Nullable Rgb outline) {
        rect(x, y, width, height);
        svg.append(" fill=\"").append(fill == null ? "none" : fill.hex()).append('"');
        if (outline != null) {
            svg.append(" stroke=\"").append(outline.hex()).append("\" stroke-width=\"1\"");
        }
        svg.append("/>\n");
    }

    private void rect(double x, double y, double width, double height) {
        svg.append("<rect");
        attribute("x", x);
        attribute("y", y);
        attribute("width", width);
        attribute("height", height);
    }

    @Override
    public void polyline(double[] xs, double[] ys, Rgb colour, double width, boolean dashed) {
        svg.append("<polyline points=\"");
        for (int i = 0; i < xs.length; i++) {
            svg.append(i == 0 ? "" : " ").append(number(xs[i])).append(',').append(number(ys[i]));
        }
        svg.append("\" fill=\"none\" stroke=\"")
                .append(colour.hex())
                .append("\" stroke-width=\"")
                .append(number(width))
                .append("\" stroke-linejoin=\"round\"");
        if (dashed) {
            svg.append(" stroke-dasharray=\"")
                    .append(number(3 * width))
                    .append(' ')
                    .append(number(2 * width));
            svg.append('"');
        }
        svg.append("/>\n");
    }

    @Override
    public void circle(double x, double y, double radius, Rgb fill) {
        svg.append("<circle");
        attribute("cx", x);
        attribute("cy", y);
        attribute("r", radius);
        svg.append(" fill=\"").append(fill.hex()).append("\"/>\n");
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, boolean bold, boolean vertical) {
        if (text.isEmpty()) {
            return;
        }
        svg.append("<text");
        attribute("x", x);
        attribute("y", y);
        attribute("font-size", size);
        svg.append(" text-anchor=\"")
                .append(anchor.name().toLowerCase(Locale.ROOT))
                .append('"');
        if (bold) {
            svg.append(" font-weight=\"bold\"");
        }
        if (vertical) {
            svg.append(" transform=\"rotate(-90 ")
                    .append(number(x))
                    .append(' ')
                    .append(number(y))
                    .append(")\"");
        }
        svg.append('>').append(escape(text)).append("</text>\n");
    }

    private void attribute(String name, double value) {
        svg.append(' ').append(name).append("=\"").append(number(value)).append('"');
    }

    /** Thousandths of a pixel: finer than any screen, and exact enough to read the data back. */
    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        escaped.append(c); // other control characters are not allowed in XML 1.0
                    }
                }
            }
        }
        return escaped.toString();
    }
}
