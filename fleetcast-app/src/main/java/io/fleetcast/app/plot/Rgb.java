package io.fleetcast.app.plot;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * A colour, each channel 0 to 255.
 *
 * @param red the red channel
 * @param green the green channel
 * @param blue the blue channel
 */
public record Rgb(int red, int green, int blue) {
    public Rgb {
        checkArgument(
                inRange(red) && inRange(green) && inRange(blue),
                "colour channels must be 0 to 255, got %s, %s, %s",
                red,
                green,
                blue);
    }

    private static boolean inRange(int channel) {
        return channel >= 0 && channel <= 255;
    }

    /** The colour as SVG and CSS write it, e.g. {@code #1f5fbf}. */
    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    /** The colour as 0xRRGGBB, as {@link java.awt.image.BufferedImage#getRGB} gives it without alpha. */
    public int packed() {
        return (red << 16) | (green << 8) | blue;
    }
}
