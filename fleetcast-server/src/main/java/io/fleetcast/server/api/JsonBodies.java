package io.fleetcast.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Reads a request's JSON body into a record, naming what is wrong with it (400) the way every handler does. */
final class JsonBodies {
    private static final ObjectMapper JSON = JsonMapping.mapper();

    private JsonBodies() {}

    /**
     * The body as {@code type}.
     *
     * @param noun what the body holds, for messages ("the adjustment")
     * @param fields the body's fields, in the order the documentation lists them
     * @param expectedOf what a field holds, for messages ("a date as YYYY-MM-DD"), by field name
     */
    static <T> T parse(
            String text, Class<T> type, String noun, List<String> fields, Function<String, String> expectedOf) {
        String object = "the body must be a JSON object with " + noun + "'s fields " + String.join(", ", fields);
        T body;
        try {
            body = JSON.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            throw bad("unknown field \"" + e.getPropertyName() + "\"; expected " + String.join(", ", fields), e);
        } catch (InvalidFormatException e) {
            throw bad(
                    "field \"" + field(e) + "\": expected " + expected(e.getTargetType()) + ", got \"" + e.getValue()
                            + "\"",
                    e);
        } catch (JsonMappingException e) {
            String field = field(e);
            throw bad(field.isEmpty() ? object : "field \"" + field + "\": expected " + expectedOf.apply(field), e);
        } catch (JsonProcessingException e) {
            throw bad("the body is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (body == null) {
            throw FleetcastException.badInput(object);
        }
        return body;
    }

    /** What a value of {@code type} looks like, for messages. */
    static String expected(@Nullable Class<?> type) {
        if (type == LocalDate.class) {
            return "a date as YYYY-MM-DD";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        return "text";
    }

    private static String field(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference ->
                        reference.getFieldName() == null ? "[" + reference.getIndex() + "]" : reference.getFieldName())
                .collect(Collectors.joining("."));
    }

    private static FleetcastException bad(String message, Exception cause) {
        return new FleetcastException(ErrorKind.BAD_INPUT, message, cause);
    }
}
