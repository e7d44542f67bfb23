package io.fleetcast.app.fleet;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.FleetQueries;
import io.fleetcast.store.Store;
import io.fleetcast.store.fleet.ClusterPlacement;
import io.fleetcast.store.fleet.DataSpan;
import io.fleetcast.store.fleet.FleetScope;
import io.fleetcast.store.fleet.FleetTopology;
import io.fleetcast.store.fleet.OverviewQuery;
import io.fleetcast.store.ingest.IngestLogEntry;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The fleet overview, and the store's status and ingest log that go with it on the dashboard. Immutable and safe for
 * use from several threads.
 */
public final class FleetOverviewService {
    /** The default range: this many days before {@code to}. */
    public static final int DEFAULT_RANGE_DAYS = 365;

    /** The longest range one overview covers (a timeline point per day): about fifty years. */
    public static final int MAX_RANGE_DAYS = 18_300;

    /** The most ingest log entries one request returns. */
    public static final int MAX_INGEST_LOG_ENTRIES = 1_000;

    private static final int NAMES_IN_MESSAGES = 10;

    private final Store store;
    private final FleetQueries queries;

    public FleetOverviewService(Store store, FleetQueries queries) {
        this.store = requireNonNull(store, "store is null");
        this.queries = requireNonNull(queries, "queries is null");
    }

    /**
     * The overview {@code request} asks for. Defaults: {@code to} is the data's last day ("as of"), {@code from} is
     * {@value #DEFAULT_RANGE_DAYS} days before {@code to}.
     *
     * @throws UnknownScopeException if no fleet data is loaded, or the request names a region, site, cluster or
     *     service the fleet does not have, or a site, cluster or region that do not belong together
     * @throws FleetcastException {@code BAD_INPUT} if {@code to} is after the data's last day, {@code from} is after
     *     {@code to}, or the range is longer than {@value #MAX_RANGE_DAYS} days
     */
    public FleetOverview overview(FleetOverviewRequest request) {
        requireNonNull(request, "request is null");
        DataSpan span = queries.dataSpan()
                .orElseThrow(() -> new UnknownScopeException("no fleet data is loaded yet: load assets and usage"
                        + " first (fleetcast ingest KIND FILE..., or fleetcast demo)"));
        LocalDate to = request.to() != null ? request.to() : span.asOf();
        if (to.isAfter(span.asOf())) {
            throw FleetcastException.badInput(
                    "to " + to + " is after the last day of data (as of " + span.asOf() + ")");
        }
        LocalDate from = request.from() != null ? request.from() : to.minusDays(DEFAULT_RANGE_DAYS);
        if (from.isAfter(to)) {
            throw FleetcastException.badInput("from " + from + " is after to " + to);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_RANGE_DAYS) {
            throw FleetcastException.badInput("the range " + from + " to " + to + " covers " + days + " days; at most "
                    + MAX_RANGE_DAYS + " are allowed");
        }
        FleetScope scope = resolve(request.scope(), queries.topology());
        return new FleetOverview(
                scope,
                request.resource(),
                from,
                to,
                span,
                queries.overview(new OverviewQuery(scope, request.resource(), from, to)));
    }

    /** The schema version, the rows per kind, and the days the data covers. */
    public FleetStatus status() {
        return new FleetStatus(
                store.schemaVersion(), store.rowCounts(), queries.dataSpan().orElse(null));
    }

    /**
     * The ingest log, newest first, at most {@code limit} entries.
     *
     * @throws FleetcastException {@code BAD_INPUT} unless {@code 1 <= limit <= }{@value #MAX_INGEST_LOG_ENTRIES}
     */
    public List<IngestLogEntry> ingestLog(int limit) {
        if (limit < 1 || limit > MAX_INGEST_LOG_ENTRIES) {
            throw FleetcastException.badInput(
                    "limit must be between 1 and " + MAX_INGEST_LOG_ENTRIES + ", got " + limit);
        }
        return store.ingestLog(limit);
    }

    /**
     * Checks every name of {@code scope} against the fleet and fills in the parents of the deepest one, so that a
     * cluster alone becomes region, site and cluster.
     */
    static FleetScope resolve(FleetScope scope, FleetTopology topology) {
        @Nullable String region = scope.region();
        if (region != null && !topology.regions().contains(region)) {
            throw new UnknownScopeException(unknown("region", region, topology.regions()));
        }
        @Nullable String site = scope.site();
        if (site != null) {
            String named = site;
            String siteRegion = topology.regionOfSite(named)
                    .orElseThrow(() -> new UnknownScopeException(unknown("site", named, topology.sites())));
            region = parent("site", named, "region", siteRegion, region);
        }
        @Nullable String cluster = scope.cluster();
        if (cluster != null) {
            String named = cluster;
            ClusterPlacement placement = topology.cluster(named)
                    .orElseThrow(() -> new UnknownScopeException(unknown(
                            "cluster",
                            named,
                            topology.clusters().stream()
                                    .map(ClusterPlacement::cluster)
                                    .sorted()
                                    .toList())));
            site = parent("cluster", named, "site", placement.site(), site);
            region = parent("cluster", named, "region", placement.region(), region);
        }
        @Nullable String service = scope.service();
        if (service != null && !topology.hasService(service)) {
            throw new UnknownScopeException(unknown("service", service, topology.services()));
        }
        return new FleetScope(region, site, cluster, service);
    }

    /** The parent the fleet places {@code child} in, after checking it against the one the user named, if any. */
    private static String parent(
            String childLevel, String child, String parentLevel, String actual, @Nullable String requested) {
        if (requested != null && !requested.equals(actual)) {
            throw new UnknownScopeException(childLevel + " \"" + child + "\" is in " + parentLevel + " \"" + actual
                    + "\", not in \"" + requested + "\"");
        }
        return actual;
    }

    private static String unknown(String level, String name, Collection<String> known) {
        if (known.isEmpty()) {
            return "unknown " + level + " \"" + name + "\": the fleet has none";
        }
        String listed = known.stream().limit(NAMES_IN_MESSAGES).collect(Collectors.joining(", "));
        int more = known.size() - NAMES_IN_MESSAGES;
        return "unknown " + level + " \"" + name + "\"; known: " + listed + (more > 0 ? " and " + more + " more" : "");
    }
}
