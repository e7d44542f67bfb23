package io.fleetcast.server.auth;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an access policy sees of a request: method, path, headers and the client's address. Independent of the web
 * framework, so policies can be tested without a server.
 *
 * @param method the HTTP method, upper case
 * @param path the request path, e.g. {@code /api/fleet/overview}
 * @param headers the request headers, names in lower case
 * @param remoteAddress the client's IP address
 */
public record AccessRequest(String method, String path, Map<String, String> headers, String remoteAddress) {
    public AccessRequest {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(remoteAddress, "remoteAddress is null");
        TreeMap<String, String> lowerCase = new TreeMap<>();
        requireNonNull(headers, "headers is null")
                .forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
        headers = ImmutableSortedMap.copyOfSorted(lowerCase);
    }

    /** The value of header {@code name} (any case), if the request has it. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
