package io.fleetcast.server.api;

import io.fleetcast.app.capacity.CapacityPlanDocument;
import io.fleetcast.app.capacity.CapacityPlanDocument.Entry;
import io.fleetcast.app.fleet.UnknownScopeException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The part of a capacity plan a request looks at: a region, a site, a cluster, or the whole plan. The names are the
 * plan's own (the places its clusters had when it was made); a deeper name fills in its parents.
 *
 * @param level {@code fleet}, {@code region}, {@code site} or {@code cluster}: the deepest level named
 */
public record CapacityScope(
        String level,
        @Nullable String region,
        @Nullable String site,
        @Nullable String cluster) {

    /**
     * The scope that parameters {@code region}, {@code site} and {@code cluster} name in {@code plan}, with parents
     * filled in.
     *
     * @throws UnknownScopeException (HTTP 404) for a name the plan does not have, or a site or cluster that is not in
     *     the region or site named with it
     */
    static CapacityScope of(CapacityPlanDocument plan, Map<String, String> parameters) {
        int version = CapacityPlans.version(plan);
        @Nullable String region = named(parameters, "region");
        @Nullable String site = named(parameters, "site");
        @Nullable String cluster = named(parameters, "cluster");
        if (region != null) {
            check(plan, "region", region, Entry::region, version);
        }
        if (site != null) {
            Entry entry = check(plan, "site", site, Entry::site, version);
            region = parent("site", site, "region", entry.region(), region);
        }
        if (cluster != null) {
            Entry entry = check(plan, "cluster", cluster, Entry::cluster, version);
            site = parent("cluster", cluster, "site", entry.site(), site);
            region = parent("cluster", cluster, "region", entry.region(), region);
        }
        String level = cluster != null ? "cluster" : site != null ? "site" : region != null ? "region" : "fleet";
        return new CapacityScope(level, region, site, cluster);
    }

    /** Whether {@code entry} is inside this scope. */
    boolean contains(Entry entry) {
        return (region == null || region.equals(entry.region()))
                && (site == null || site.equals(entry.site()))
                && (cluster == null || cluster.equals(entry.cluster()));
    }

    /**
     * Whether a row of the plan's allocation or utilization sections is inside this scope: by its {@code cluster},
     * and by its own {@code site} and {@code region} where it has them, else by where {@code places} (cluster to its
     * plan entry, from {@link #places}) puts its cluster. A row whose cluster the plan does not place is inside only
     * the whole plan or a scope naming that cluster.
     */
    boolean containsRow(Map<?, ?> row, Map<String, Entry> places) {
        if (level.equals("fleet")) {
            return true;
        }
        String rowCluster = String.valueOf(row.get("cluster"));
        @Nullable Entry place = places.get(rowCluster);
        String rowSite = text(row, "site", place == null ? "" : place.site());
        String rowRegion = text(row, "region", place == null ? "" : place.region());
        return (region == null || region.equals(rowRegion))
                && (site == null || site.equals(rowSite))
                && (cluster == null || cluster.equals(rowCluster));
    }

    /** Each cluster of {@code plan} to its first entry (every entry of a cluster has the same place). */
    static Map<String, Entry> places(CapacityPlanDocument plan) {
        Map<String, Entry> places = new HashMap<>();
        plan.clusters().forEach(entry -> places.putIfAbsent(entry.cluster(), entry));
        return places;
    }

    private static String text(Map<?, ?> row, String key, String otherwise) {
        Object value = row.get(key);
        return value == null ? otherwise : value.toString();
    }

    private static @Nullable String named(Map<String, String> parameters, String name) {
        String value = parameters.getOrDefault(name, "").trim();
        return value.isEmpty() ? null : value;
    }

    private static Entry check(
            CapacityPlanDocument plan, String level, String name, Function<Entry, String> field, int version) {
        Optional<Entry> found = plan.clusters().stream()
                .filter(entry -> field.apply(entry).equals(name))
                .findFirst();
        return found.orElseThrow(() -> {
            Set<String> known = new TreeSet<>();
            plan.clusters().stream()
                    .map(field)
                    .filter(value -> !value.isEmpty())
                    .forEach(known::add);
            return new UnknownScopeException(CapacityPlans.unknown(level, name, version, known));
        });
    }

    /**
     * The parent the plan places {@code child} in, after checking it against the one the request named, if any;
     * {@code null} when the plan does not place it.
     */
    private static @Nullable String parent(
            String childLevel, String child, String parentLevel, String actual, @Nullable String requested) {
        if (requested != null && !requested.equals(actual)) {
            throw new UnknownScopeException(childLevel + " \"" + child + "\" is in " + parentLevel + " \"" + actual
                    + "\", not in \"" + requested + "\"");
        }
        // A cluster known only from an open order or from demand has no place in the plan.
        return actual.isEmpty() ? null : actual;
    }
}
