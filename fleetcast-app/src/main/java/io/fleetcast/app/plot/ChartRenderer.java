package io.fleetcast.app.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Renders a {@link Chart} as SVG text or a PNG image, and writes either to a file chosen by its extension. */
public final class ChartRenderer {
    /** An image format, by file extension. */
    public enum Format {
        SVG,
        PNG;

        /**
         * The format a file's name asks for: {@code .svg} or {@code .png}, any case.
         *
         * @throws IllegalArgumentException for any other name
         */
        public static Format of(Path file) {
            Path name = file.getFileName();
            String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".svg")) {
                return SVG;
            }
            if (lower.endsWith(".png")) {
                return PNG;
            }
            throw new IllegalArgumentException(
                    "cannot tell the image format of \"" + file + "\"; name it .svg or .png");
        }
    }

    /**
     * What was written.
     *
     * @param file the file
     * @param format its format
     * @param width its width in pixels
     * @param height its height in pixels
     * @param textDrawn false when a PNG was drawn without text because the JDK found no font
     */
    public record Written(Path file, Format format, int width, int height, boolean textDrawn) {}

    private ChartRenderer() {}

    /**
     * The chart as an SVG document {@code width} × {@code height} pixels.
     *
     * @throws IllegalArgumentException for a size outside {@link Frame#MIN_SIZE} to {@link Frame#MAX_SIZE}
     */
    public static String svg(Chart chart, int width, int height) {
        Frame frame = Frame.of(chart, width, height);
        SvgCanvas canvas = new SvgCanvas(width, height);
        ChartPainter.paint(frame, canvas);
        return canvas.document();
    }

    /**
     * The chart drawn into an RGB image {@code width} × {@code height} pixels (text left out where no font is found).
     *
     * @throws IllegalArgumentException for a size outside {@link Frame#MIN_SIZE} to {@link Frame#MAX_SIZE}
     */
    public static BufferedImage png(Chart chart, int width, int height) {
        return draw(chart, width, height).image();
    }

    private static Java2dCanvas draw(Chart chart, int width, int height) {
        Frame frame = Frame.of(chart, width, height);
        Java2dCanvas canvas = new Java2dCanvas(width, height);
        ChartPainter.paint(frame, canvas);
        return canvas;
    }

    /**
     * Writes the chart to {@code file}, as SVG or PNG by its extension, replacing what was there.
     *
     * @throws IllegalArgumentException for another extension or a bad size
     * @throws IOException when the file cannot be written
     */
    public static Written write(Chart chart, Path file, int width, int height) throws IOException {
        Format format = Format.of(file);
        return switch (format) {
            case SVG -> {
                Files.writeString(file, svg(chart, width, height), StandardCharsets.UTF_8);
                yield new Written(file, format, width, height, true);
            }
            case PNG -> {
                Java2dCanvas canvas = draw(chart, width, height);
                BufferedImage image = canvas.image();
                try (OutputStream out = Files.newOutputStream(file)) {
                    if (!ImageIO.write(image, "png", out)) {
                        throw new IOException("this JDK has no PNG writer");
                    }
                }
                yield new Written(file, format, width, height, canvas.textDrawn());
            }
        };
    }
}
