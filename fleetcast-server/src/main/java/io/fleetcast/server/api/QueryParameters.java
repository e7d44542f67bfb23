package io.fleetcast.server.api;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A request's query parameters as single values (or, for the few that take several, as lists), checked for repeats and
 * for names the endpoint does not know.
 */
final class QueryParameters {
    private QueryParameters() {}

    /**
     * The query parameters of {@code ctx}, each given at most once, in the order of the query string.
     *
     * @throws FleetcastException {@code BAD_INPUT} if a parameter is given more than once
     */
    static Map<String, String> single(Context ctx) {
        return read(ctx, List.of(), null);
    }

    /**
     * The query parameters of {@code ctx} as {@link #single}, when every name is one of {@code known}.
     *
     * @throws FleetcastException {@code BAD_INPUT} for a repeated or unknown parameter
     */
    static Map<String, String> single(Context ctx, List<String> known) {
        return read(ctx, List.of(), known);
    }

    /**
     * The query parameters of {@code ctx} but those named in {@code lists}, each given at most once, in the order of
     * the query string, when every name is one of {@code known} or {@code lists}. The parameters in {@code lists} may
     * be given more than once; read them with {@link #list}.
     *
     * @throws FleetcastException {@code BAD_INPUT} for a repeated parameter not in {@code lists}, or an unknown one
     */
    static Map<String, String> single(Context ctx, List<String> known, List<String> lists) {
        return read(
                ctx,
                lists,
                ImmutableList.<String>builder().addAll(known).addAll(lists).build());
    }

    private static Map<String, String> read(Context ctx, List<String> lists, @Nullable List<String> known) {
        ImmutableMap.Builder<String, String> parameters = ImmutableMap.builder();
        for (Map.Entry<String, List<String>> entry : ctx.queryParamMap().entrySet()) {
            if (lists.contains(entry.getKey())) {
                continue;
            }
            List<String> values = entry.getValue();
            if (values.size() > 1) {
                throw FleetcastException.badInput("parameter \"" + entry.getKey() + "\" is given " + values.size()
                        + " times; give it at most once");
            }
            parameters.put(entry.getKey(), values.isEmpty() ? "" : values.get(0));
        }
        if (known != null) {
            for (String name : ctx.queryParamMap().keySet()) {
                if (!known.contains(name)) {
                    throw FleetcastException.badInput("unknown parameter \"" + name + "\""
                            + (known.isEmpty()
                                    ? "; this endpoint takes none"
                                    : "; expected " + String.join(", ", known)));
                }
            }
        }
        return parameters.buildOrThrow();
    }

    /**
     * Every value of parameter {@code name} of {@code ctx}, which may be given more than once and may list values
     * separated by commas ({@code team=a&team=b}, {@code team=a,b}): trimmed, without empty ones, each once, in the
     * order given. Empty when the parameter is absent.
     */
    static List<String> list(Context ctx, String name) {
        Set<String> values = new LinkedHashSet<>();
        for (String given : ctx.queryParams(name)) {
            for (String value : given.split(",", -1)) {
                if (!value.isBlank()) {
                    values.add(value.trim());
                }
            }
        }
        return ImmutableList.copyOf(values);
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
