package io.fleetcast.store.cost;

import static java.util.Objects.requireNonNull;

/**
 * Who owns a service (the services file).
 *
 * @param service the service
 * @param team its team
 * @param org the team's organisation
 */
public record ServiceOwner(String service, String team, String org) {
    public ServiceOwner {
        requireNonNull(service, "service is null");
        requireNonNull(team, "team is null");
        requireNonNull(org, "org is null");
    }
}
