package io.fleetcast.store.plan;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;

/**
 * Where each service and cluster sits in the fleet's two hierarchies: org → team → service (the services file) and
 * region → site → cluster (the assets).
 *
 * @param owners each service's team and org
 * @param places each cluster's site and region
 */
public record SeriesGroups(ImmutableMap<String, Owner> owners, ImmutableMap<String, Place> places) {
    public SeriesGroups {
        requireNonNull(owners, "owners is null");
        requireNonNull(places, "places is null");
    }

    /** A service's team and the org the team is in. */
    public record Owner(String team, String org) {
        public Owner {
            requireNonNull(team, "team is null");
            requireNonNull(org, "org is null");
        }
    }

    /** A cluster's site and the region the site is in. */
    public record Place(String site, String region) {
        public Place {
            requireNonNull(site, "site is null");
            requireNonNull(region, "region is null");
        }
    }
}
