package io.fleetcast.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Where commands write: human text to stderr, the {@code --json} document to stdout. Formats numbers for people with
 * their units.
 */
final class Terminal {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;

    Terminal(PrintWriter out, PrintWriter err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /** A line of human text (stderr). */
    void say(String text) {
        err.println(text);
        err.flush();
    }

    /** The one JSON document of a {@code --json} run (stdout). */
    void json(Object document) {
        try {
            out.println(JSON.writeValueAsString(document));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot render " + document.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Plain output that is the command's result, such as a query's table (stdout). */
    void result(String text) {
        out.print(text);
        out.flush();
    }

    PrintWriter err() {
        return err;
    }

    /** Whether a person is watching stderr (so a live progress bar makes sense). */
    boolean isInteractive() {
        return interactive;
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 1 row}, {@code 10,000 rows}. */
    static String rows(long value) {
        return count(value) + (value == 1 ? " row" : " rows");
    }

    static String bytes(long value) {
        if (value < 1024) {
            return value + " B";
        }
        double scaled = value;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int unit = -1;
        while (scaled >= 1024 && unit < units.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", scaled, units[unit]);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    static String rate(long rows, long nanos) {
        double perSecond = nanos <= 0 ? 0 : rows / (nanos / 1e9);
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM rows/s", perSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%,.0f rows/s", perSecond);
    }
}
