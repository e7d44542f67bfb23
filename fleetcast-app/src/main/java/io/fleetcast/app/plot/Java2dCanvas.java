package io.fleetcast.app.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Draws into a {@link BufferedImage} with Java2D (no display needed). Text is set in DejaVu Sans where installed, else
 * in Java's logical sans-serif font; where the JDK finds no font at all, text is left out and {@link #textDrawn()} says
 * so, rather than the whole image failing.
 */
final class Java2dCanvas implements Canvas {
    private static final String PREFERRED_FONT = "DejaVu Sans";

    private final BufferedImage image;
    private final Graphics2D graphics;
    private final Optional<Font> font;
    private @Nullable Shape clipBefore;

    Java2dCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        font = usableFont();
    }

    /** The image drawn so far; call once drawing is done. */
    BufferedImage image() {
        graphics.dispose();
        return image;
    }

    /** Whether text could be drawn (a font was found). */
    boolean textDrawn() {
        return font.isPresent();
    }

    /**
     * A font that lays out text, tried once per image: a JDK without fontconfig or font files fails here (an
     * {@link Error} from its font manager, or a runtime exception), not in the middle of the chart.
     */
    @SuppressWarnings("CatchingUnchecked") // any failure of the platform's font system means: no text in the PNG
    private static Optional<Font> usableFont() {
        try {
            String[] families =
                    GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT);
            String family = Arrays.asList(families).contains(PREFERRED_FONT) ? PREFERRED_FONT : Font.SANS_SERIF;
            Font font = new Font(family, Font.PLAIN, 12);
            font.createGlyphVector(new FontRenderContext(null, true, true), "0.5% time");
            return Optional.of(font);
        } catch (RuntimeException | Error noFonts) {
            return Optional.empty();
        }
    }

    @Override
    public void begin(String kind, String name) {}

    @Override
    public void end() {}

    @Override
    public void clip(double x, double y, double width, double height) {
        clipBefore = graphics.getClip();
        graphics.clip(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void unclip() {
        graphics.setClip(clipBefore);
        clipBefore = null;
    }

    @Override
    public void rectangle(double x, double y, double width, double height, @Nullable Rgb fill, @Nullable Rgb outline) {
        Rectangle2D.Double shape = new Rectangle2D.Double(x, y, width, height);
        if (fill != null) {
            graphics.setColor(colour(fill));
            graphics.fill(shape);
        }
        if (outline != null) {
            graphics.setColor(colour(outline));
            graphics.setStroke(new BasicStroke(1));
            graphics.draw(shape);
        }
    }

    @Override
    public void polyline(double[] xs, double[] ys, Rgb colour, double width, boolean dashed) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < xs.length; i++) {
            if (i == 0) {
                path.moveTo(xs[i], ys[i]);
            } else {
                path.lineTo(xs[i], ys[i]);
            }
        }
        float w = (float) width;
        graphics.setStroke(
                dashed
                        ? new BasicStroke(
                                w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {3 * w, 2 * w}, 0)
                        : new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        graphics.setColor(colour(colour));
        graphics.draw(path);
    }

    @Override
    public void circle(double x, double y, double radius, Rgb fill) {
        graphics.setColor(colour(fill));
        graphics.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, boolean bold, boolean vertical) {
        if (text.isEmpty() || font.isEmpty()) {
            return;
        }
        Font sized = font.orElseThrow().deriveFont(bold ? Font.BOLD : Font.PLAIN, (float) size);
        graphics.setFont(sized);
        graphics.setColor(Color.BLACK);
        FontMetrics metrics = graphics.getFontMetrics();
        double width = metrics.getStringBounds(text, graphics).getWidth();
        double shift = switch (anchor) {
            case START -> 0;
            case MIDDLE -> -width / 2;
            case END -> -width;
        };
        AffineTransform before = graphics.getTransform();
        graphics.translate(x, y);
        if (vertical) {
            graphics.rotate(-Math.PI / 2);
        }
        graphics.drawString(text, (float) shift, 0f);
        graphics.setTransform(before);
    }

    private static Color colour(Rgb rgb) {
        return new Color(rgb.red(), rgb.green(), rgb.blue());
    }
}
