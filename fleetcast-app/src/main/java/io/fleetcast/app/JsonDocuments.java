package io.fleetcast.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fleetcast.core.error.FleetcastException;

/**
 * The JSON form of the documents users read and the store keeps (capacity plans, cost reports, webhook bodies):
 * snake_case names, fields in declaration order, map entries in insertion order.
 */
public final class JsonDocuments {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private JsonDocuments() {}

    /**
     * {@code document} as JSON text.
     *
     * @param what what it is, for the error message ("the cost report")
     */
    public static String write(Object document, String what) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw FleetcastException.internal("rendering " + what + " as JSON failed: " + e.getMessage(), e);
        }
    }

    /** {@code value} as the JSON tree {@link #write} would write, without going through text. */
    public static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    /**
     * Reads a document this class wrote.
     *
     * @throws FleetcastException {@code INTERNAL} naming {@code what} when the text is not such a document
     */
    public static <T> T read(String json, Class<T> type, String what) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw FleetcastException.internal(what + " cannot be read: " + e.getMessage(), e);
        }
    }
}
