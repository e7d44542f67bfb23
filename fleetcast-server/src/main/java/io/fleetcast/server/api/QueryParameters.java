package io.fleetcast.server.api;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** A request's query parameters as single values, checked for repeats and for names the endpoint does not know. */
final class QueryParameters {
    private QueryParameters() {}

    /**
     * The query parameters of {@code ctx}, each given at most once, in the order of the query string.
     *
     * @throws FleetcastException {@code BAD_INPUT} if a parameter is given more than once
     */
    static Map<String, String> single(Context ctx) {
        ImmutableMap.Builder<String, String> parameters = ImmutableMap.builder();
        for (Map.Entry<String, List<String>> entry : ctx.queryParamMap().entrySet()) {
            List<String> values = entry.getValue();
            if (values.size() > 1) {
                throw FleetcastException.badInput("parameter \"" + entry.getKey() + "\" is given " + values.size()
                        + " times; give it at most once");
            }
            parameters.put(entry.getKey(), values.isEmpty() ? "" : values.get(0));
        }
        return parameters.buildOrThrow();
    }

    /**
     * The query parameters of {@code ctx} as {@link #single}, when every name is one of {@code known}.
     *
     * @throws FleetcastException {@code BAD_INPUT} for a repeated or unknown parameter
     */
    static Map<String, String> single(Context ctx, List<String> known) {
        Map<String, String> parameters = single(ctx);
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                throw FleetcastException.badInput("unknown parameter \"" + name + "\""
                        + (known.isEmpty() ? "; this endpoint takes none" : "; expected " + String.join(", ", known)));
            }
        }
        return parameters;
    }

    /**
     * {@code text}, the value of parameter {@code name}, as a whole number.
     *
     * @throws FleetcastException {@code BAD_INPUT} naming the parameter if it is not one
     */
    static int wholeNumber(String name, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new FleetcastException(
                    ErrorKind.BAD_INPUT,
                    "parameter \"" + name + "\": expected a whole number, got \"" + text + "\"",
                    e);
        }
    }
}
