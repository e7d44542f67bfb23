package io.fleetcast.simulator.internal.csv;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/**
 * A text field encoded once for repeated writing: UTF-8, quoted as RFC 4180 requires when it holds a comma, a quote or
 * a line break. Immutable.
 */
public final class CsvField {
    private final String text;
    private final byte[] encoded;

    private CsvField(String text) {
        this.text = text;
        this.encoded = encode(text);
    }

    /** The field holding {@code text}. */
    public static CsvField of(String text) {
        requireNonNull(text, "text is null");
        return new CsvField(text);
    }

    /** The unquoted text. */
    public String text() {
        return text;
    }

    int length() {
        return encoded.length;
    }

    void copyTo(byte[] target, int offset) {
        System.arraycopy(encoded, 0, target, offset, encoded.length);
    }

    static byte[] encode(String text) {
        boolean quote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return ('"' + text.replace("\"", "\"\"") + '"').getBytes(StandardCharsets.UTF_8);
    }
}
