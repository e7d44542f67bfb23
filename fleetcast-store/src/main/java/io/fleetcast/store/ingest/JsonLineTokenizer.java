package io.fleetcast.store.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON Lines record (a JSON object on one line) into a {@link FieldBatch} row, numbering its keys through the
 * file's {@link FileLayout}. Scalars become their text; nested objects and arrays their JSON text; {@code null} is
 * absent. Not thread-safe.
 */
final class JsonLineTokenizer {
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory factory = mapper.getFactory();
    private final FileLayout layout;
    private final Map<String, Integer> indexCache = new HashMap<>();

    JsonLineTokenizer(FileLayout layout) {
        this.layout = layout;
    }

    /** Reads the line {@code [start, end)} (without its line end) into {@code row} of {@code batch}. */
    void read(byte[] bytes, int start, int end, FieldBatch batch, int row) {
        batch.clearFields(row);
        batch.moveToScratch(row);
        try (JsonParser parser = factory.createParser(bytes, start, end - start)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                batch.setProblem(row, "expected a JSON object on this line");
                return;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                int index = indexCache.computeIfAbsent(name, layout::indexOf);
                JsonToken value = parser.nextToken();
                if (value == null) {
                    break;
                }
                switch (value) {
                    case VALUE_NULL -> {
                        // absent
                    }
                    case START_OBJECT, START_ARRAY ->
                        set(batch, row, index, mapper.writeValueAsBytes(parser.readValueAsTree()));
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                        set(batch, row, index, parser.getText().getBytes(UTF_8));
                    default -> batch.setProblem(row, "unexpected JSON token " + value + " for key \"" + name + "\"");
                }
            }
            if (token != JsonToken.END_OBJECT) {
                batch.setProblem(row, "malformed JSON object");
            } else if (parser.nextToken() != null) {
                batch.setProblem(row, "text after the JSON object; one object per line");
            }
        } catch (IOException e) {
            batch.setProblem(row, "invalid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static void set(FieldBatch batch, int row, int index, byte[] value) {
        batch.setCopiedField(row, index, value, 0, value.length);
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
