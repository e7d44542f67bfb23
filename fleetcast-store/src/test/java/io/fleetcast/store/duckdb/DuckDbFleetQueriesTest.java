package io.fleetcast.store.duckdb;

import static io.fleetcast.store.TestFleet.ingest;
import static io.fleetcast.store.TestFleet.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.TestFleet;
import io.fleetcast.store.fleet.BreakdownRow;
import io.fleetcast.store.fleet.ClusterPlacement;
import io.fleetcast.store.fleet.DataSpan;
import io.fleetcast.store.fleet.FleetScope;
import io.fleetcast.store.fleet.OverviewFigures;
import io.fleetcast.store.fleet.OverviewQuery;
import io.fleetcast.store.fleet.ServerTotals;
import io.fleetcast.store.fleet.SkuCapacity;
import io.fleetcast.store.fleet.SupplyChange;
import io.fleetcast.store.fleet.TimelinePoint;
import io.fleetcast.store.fleet.UsageAverages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview's figures on a fleet small enough to compute by hand. CPU capacity per day, 2025-01-02 .. 2025-01-07:
 *
 * <pre>
 *   a1 big   us-east/dc-ash/ash-c1  installed 2025-01-01                       64 cores
 *   a2 big   us-east/dc-ash/ash-c1  installed 2025-01-01, failed 2025-01-06     64 cores
 *   a3 big   us-east/dc-ash/ash-c2  installed 2025-01-03                       64 cores
 *   a4 small us-east/dc-chi/chi-c1  installed 2024-12-01, retired 2025-01-05    16 cores
 *   a5 small eu-west/dc-fra/fra-c1  installed 2025-01-08 (after the range)      16 cores
 *   a6 small eu-west/dc-fra/fra-c1  installed 2024-06-01                       16 cores
 *
 *   Jan 2: a1 a2 a4 a6 = 160;  Jan 3-4: + a3 = 224;  Jan 5: - a4 = 208;  Jan 6-7: - a2 = 144
 * </pre>
 *
 * Daily cpu usage (used/allocated): checkout on ash-c1 used = day of month, allocated 20, Jan 2-7; search on ash-c1
 * used 6 without allocation, Jan 2-7; checkout on fra-c1 3/4 and search on chi-c1 1/2, Jan 2-4. Also rows the
 * overview must ignore: an hourly row, a memory row, and a row before the range.
 */
class DuckDbFleetQueriesTest {
    private static final LocalDate JAN_2 = LocalDate.parse("2025-01-02");
    private static final LocalDate JAN_7 = LocalDate.parse("2025-01-07");

    @TempDir
    static Path folder;

    private static DuckDbStore store;
    private static DuckDbFleetQueries queries;

    /** The queries only read: one store, loaded once, serves every test. */
    @BeforeAll
    static void openStoreAndLoadFleet() {
        store = DuckDbStore.open(
                StoreConfig.of(folder.resolve("fleetcast.duckdb")).withThreads(2), TestFleet.CLOCK);
        queries = new DuckDbFleetQueries(store);
        loadFleet();
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    private static void loadFleet() {
        ingest(
                store,
                Kind.SKUS,
                write(
                        folder,
                        "skus.csv",
                        List.of(
                                TestFleet.SKUS.get(0),
                                "big,owned,2U compute,64,512,4.0,14500.00,,,450,60,72",
                                "small,cloud,cloud instance,16,64,0,,0.8064,0.5080,,,")));
        ingest(
                store,
                Kind.ASSETS,
                write(
                        folder,
                        "assets.csv",
                        List.of(
                                TestFleet.ASSETS.get(0),
                                "a1,big,us-east,dc-ash,datacenter,ash-c1,r1,b1,owned,2025-01-01,,",
                                "a2,big,us-east,dc-ash,datacenter,ash-c1,r1,b1,owned,2025-01-01,2025-01-06,",
                                "a3,big,us-east,dc-ash,datacenter,ash-c2,r2,b1,owned,2025-01-03,,",
                                "a4,small,us-east,dc-chi,cloud,chi-c1,,,on_demand,2024-12-01,,2025-01-05",
                                "a5,small,eu-west,dc-fra,cloud,fra-c1,,,on_demand,2025-01-08,,",
                                "a6,small,eu-west,dc-fra,cloud,fra-c1,,,reserved,2024-06-01,,")));
        ingest(store, Kind.SERVICES, write(folder, "services.csv", TestFleet.SERVICES));
        List<String> usage = new ArrayList<>();
        usage.add("ts,grain,service,cluster,resource,unit,used,allocated");
        for (int day = 2; day <= 7; day++) {
            String date = "2025-01-0" + day;
            usage.add(date + ",day,checkout,ash-c1,cpu,cores," + day + ",20");
            usage.add(date + ",day,search,ash-c1,cpu,cores,6,");
            if (day <= 4) {
                usage.add(date + ",day,checkout,fra-c1,cpu,cores,3,4");
                usage.add(date + ",day,search,chi-c1,cpu,cores,1,2");
            }
        }
        usage.add("2025-01-03T05:00:00Z,hour,checkout,ash-c1,cpu,cores,999,999");
        usage.add("2025-01-03,day,checkout,ash-c1,memory,GiB,100,200");
        usage.add("2025-01-01,day,checkout,ash-c1,cpu,cores,50,50");
        ingest(store, Kind.USAGE, write(folder, "usage.csv", usage));
    }

    private static OverviewFigures overview(FleetScope scope) {
        return queries.overview(new OverviewQuery(scope, Resource.CPU, JAN_2, JAN_7));
    }

    @Test
    void anEmptyStoreHasNoDataSpanAndNoTopology(@TempDir Path emptyFolder) {
        try (DuckDbStore empty = DuckDbStore.open(
                StoreConfig.of(emptyFolder.resolve("fleetcast.duckdb")).withThreads(2), TestFleet.CLOCK)) {
            DuckDbFleetQueries emptyQueries = new DuckDbFleetQueries(empty);

            assertThat(emptyQueries.dataSpan()).isEmpty();
            assertThat(emptyQueries.topology().clusters()).isEmpty();
            assertThat(emptyQueries.topology().services()).isEmpty();
        }
    }

    @Test
    void theDataSpanRunsFromTheFirstInstallToTheLastDayAnyFactSpeaksOf() {
        assertThat(queries.dataSpan())
                .contains(new DataSpan(LocalDate.parse("2024-06-01"), LocalDate.parse("2025-01-08")));
    }

    @Test
    void topologyPlacesEachClusterInItsSiteAndRegion() {
        assertThat(queries.topology().clusters())
                .containsExactly(
                        new ClusterPlacement("fra-c1", "dc-fra", "eu-west"),
                        new ClusterPlacement("ash-c1", "dc-ash", "us-east"),
                        new ClusterPlacement("ash-c2", "dc-ash", "us-east"),
                        new ClusterPlacement("chi-c1", "dc-chi", "us-east"));
        assertThat(queries.topology().services()).containsExactly("checkout", "search");
        assertThat(queries.topology().regions()).containsExactly("eu-west", "us-east");
    }

    @Test
    void capacityPerDayFollowsInstallsFailuresAndRetirements() {
        assertThat(overview(FleetScope.FLEET).timeline())
                .extracting(TimelinePoint::date, TimelinePoint::capacity)
                .containsExactly(
                        tuple("2025-01-02", 160.0),
                        tuple("2025-01-03", 224.0),
                        tuple("2025-01-04", 224.0),
                        tuple("2025-01-05", 208.0),
                        tuple("2025-01-06", 144.0),
                        tuple("2025-01-07", 144.0));
    }

    @Test
    void anAssetThatFailsOnTheFirstDayOfTheRangeIsNotCounted() {
        OverviewFigures figures = queries.overview(
                new OverviewQuery(FleetScope.FLEET, Resource.CPU, LocalDate.parse("2025-01-06"), JAN_7));

        assertThat(figures.timeline()).extracting(TimelinePoint::capacity).containsExactly(144.0, 144.0);
    }

    @Test
    void aRangeBeforeAnyInstallHasNoCapacity() {
        OverviewFigures figures = queries.overview(new OverviewQuery(
                FleetScope.FLEET, Resource.CPU, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-03")));

        assertThat(figures.servers()).isEqualTo(new ServerTotals(0, 0, 0, 0));
        assertThat(figures.timeline()).extracting(TimelinePoint::capacity).containsExactly(0.0, 0.0, 0.0);
        assertThat(figures.usage()).isEqualTo(UsageAverages.NONE);
        assertThat(figures.breakdown()).isEmpty();
        assertThat(figures.bySku()).isEmpty();
    }

    @Test
    void memoryCapacityAndUsageUseTheirOwnColumnsAndRows() {
        OverviewFigures figures = queries.overview(new OverviewQuery(FleetScope.FLEET, Resource.MEMORY, JAN_2, JAN_7));

        assertThat(figures.timeline())
                .extracting(TimelinePoint::capacity)
                .containsExactly(1152.0, 1664.0, 1664.0, 1600.0, 1088.0, 1088.0);
        assertThat(figures.timeline())
                .extracting(TimelinePoint::used)
                .containsExactly(null, 100.0, null, null, null, null);
        assertThat(figures.usage()).isEqualTo(new UsageAverages(100.0, 200.0, 1));
    }

    @Test
    void serversAndCapacityAreThoseInServiceOnTheLastDay() {
        OverviewFigures figures = overview(FleetScope.FLEET);

        assertThat(figures.servers()).isEqualTo(new ServerTotals(3, 144, 1088, 8));
        assertThat(new ServerTotals(3, 144, 1088, 8).capacity(Resource.CPU))
                .isEqualTo(figures.timeline().get(figures.timeline().size() - 1).capacity());
        assertThat(figures.bySku())
                .containsExactly(
                        new SkuCapacity("big", "owned", 2, 128, 1024, 8),
                        new SkuCapacity("small", "cloud", 1, 16, 64, 0));
    }

    @Test
    void usageSumsDailyRowsOverServicesAndClustersAndAveragesOverDaysWithData() {
        OverviewFigures figures = overview(FleetScope.FLEET);

        assertThat(figures.timeline())
                .extracting(TimelinePoint::used)
                .containsExactly(12.0, 13.0, 14.0, 11.0, 12.0, 13.0);
        assertThat(figures.timeline())
                .extracting(TimelinePoint::allocated)
                .containsExactly(26.0, 26.0, 26.0, 20.0, 20.0, 20.0);
        assertThat(figures.usage()).isEqualTo(new UsageAverages(12.5, 23.0, 6));
    }

    @Test
    void theFleetBreaksDownIntoRegions() {
        assertThat(overview(FleetScope.FLEET).breakdown())
                .containsExactly(
                        new BreakdownRow("us-east", 2L, 128.0, 11.0, 21.0),
                        new BreakdownRow("eu-west", 1L, 16.0, 3.0, 4.0));
    }

    @Test
    void aRegionBreaksDownIntoSitesIncludingOnesWithUsageButNoServersLeft() {
        OverviewFigures figures = overview(new FleetScope("us-east", null, null, null));

        assertThat(figures.breakdown())
                .containsExactly(
                        new BreakdownRow("dc-ash", 2L, 128.0, 10.5, 20.0),
                        new BreakdownRow("dc-chi", 0L, 0.0, 1.0, 2.0));
        assertThat(figures.servers()).isEqualTo(new ServerTotals(2, 128, 1024, 8));
        assertThat(figures.timeline())
                .extracting(TimelinePoint::capacity)
                .containsExactly(144.0, 208.0, 208.0, 192.0, 128.0, 128.0);
    }

    @Test
    void aSiteBreaksDownIntoClustersAndAClusterWithoutUsageHasNoAverages() {
        assertThat(overview(new FleetScope("us-east", "dc-ash", null, null)).breakdown())
                .containsExactly(
                        new BreakdownRow("ash-c1", 1L, 64.0, 10.5, 20.0),
                        new BreakdownRow("ash-c2", 1L, 64.0, null, null));
    }

    @Test
    void aClusterBreaksDownIntoServicesWhichOwnNoServers() {
        OverviewFigures figures = overview(new FleetScope("us-east", "dc-ash", "ash-c1", null));

        assertThat(figures.breakdown())
                .containsExactly(
                        new BreakdownRow("search", null, null, 6.0, null),
                        new BreakdownRow("checkout", null, null, 4.5, 20.0));
        assertThat(figures.servers()).isEqualTo(new ServerTotals(1, 64, 512, 4));
    }

    @Test
    void aServiceScopeHasUsageButNoServersCapacityOrBreakdown() {
        OverviewFigures figures = overview(new FleetScope(null, null, "ash-c1", "checkout"));

        assertThat(figures.servers()).isNull();
        assertThat(figures.bySku()).isEmpty();
        assertThat(figures.breakdown()).isEmpty();
        assertThat(figures.usage()).isEqualTo(new UsageAverages(4.5, 20.0, 6));
        assertThat(figures.timeline()).extracting(TimelinePoint::capacity).containsOnlyNulls();
        assertThat(figures.timeline()).extracting(TimelinePoint::used).containsExactly(2.0, 3.0, 4.0, 5.0, 6.0, 7.0);
    }

    @Test
    void aScopeWhoseNamesDoNotFitTogetherMatchesNothing() {
        OverviewFigures figures = overview(new FleetScope("eu-west", "dc-ash", null, null));

        assertThat(figures.servers()).isEqualTo(new ServerTotals(0, 0, 0, 0));
        assertThat(figures.usage()).isEqualTo(UsageAverages.NONE);
        assertThat(figures.breakdown()).isEmpty();
    }

    @Test
    void aYearOfDaysGivesOnePointPerDay() {
        OverviewFigures figures = queries.overview(new OverviewQuery(
                FleetScope.FLEET, Resource.STORAGE, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31")));

        assertThat(figures.timeline()).hasSize(366);
        assertThat(figures.timeline().get(365).capacity()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void eachSkuOpensWithItsServersTheDayBeforeAndClosesWithThoseOnTheLastDay() {
        // big: a1 and a2 in service on Jan 1; a3 installed Jan 3; a2 failed Jan 6; a1 and a3 on Jan 7.
        // small: a4 and a6 on Jan 1; a4 retired Jan 5; a5 installs after the range.
        assertThat(overview(FleetScope.FLEET).changesBySku())
                .containsExactly(
                        new SupplyChange(
                                "big", servers(2, 128), servers(1, 64), servers(1, 64), servers(0, 0), servers(2, 128)),
                        new SupplyChange(
                                "small", servers(2, 32), servers(0, 0), servers(0, 0), servers(1, 16), servers(1, 16)));
        assertThat(overview(new FleetScope("us-east", "dc-ash", null, null)).changesBySku())
                .extracting(SupplyChange::key)
                .containsExactly("big");
    }

    @Test
    void eachMonthCarriesItsClosingIntoTheNext() {
        // From 2024-12-01: a6 in service on Nov 30; a4 installs Dec 1; January as in the SKU test.
        OverviewFigures figures = queries.overview(
                new OverviewQuery(FleetScope.FLEET, Resource.CPU, LocalDate.parse("2024-12-01"), JAN_7));

        assertThat(figures.changesByMonth())
                .containsExactly(
                        new SupplyChange(
                                "2024-12",
                                servers(1, 16),
                                servers(1, 16),
                                servers(0, 0),
                                servers(0, 0),
                                servers(2, 32)),
                        new SupplyChange(
                                "2025-01",
                                servers(2, 32),
                                servers(3, 192),
                                servers(1, 64),
                                servers(1, 16),
                                servers(3, 144)));
        // The last month closes with what the timeline has on the last day.
        assertThat(figures.changesByMonth().get(1).closing().capacity())
                .isEqualTo(figures.timeline().get(figures.timeline().size() - 1).capacity());
        assertThat(overview(FleetScope.FLEET).changesByMonth())
                .containsExactly(new SupplyChange(
                        "2025-01", servers(4, 160), servers(1, 64), servers(1, 64), servers(1, 16), servers(3, 144)));
    }

    @Test
    void eachMemberOfTheNextLevelHasItsOwnChanges() {
        // Regions: us-east has a1 a2 a4 on Jan 1, a3 installed, a2 failed, a4 retired; eu-west keeps a6 (a5 after).
        assertThat(overview(FleetScope.FLEET).changesByMember())
                .containsExactly(
                        new SupplyChange(
                                "us-east",
                                servers(3, 144),
                                servers(1, 64),
                                servers(1, 64),
                                servers(1, 16),
                                servers(2, 128)),
                        new SupplyChange(
                                "eu-west",
                                servers(1, 16),
                                servers(0, 0),
                                servers(0, 0),
                                servers(0, 0),
                                servers(1, 16)));
        // Clusters of dc-ash: ash-c1 loses a2; ash-c2 gains a3. Both end with 64 cores, so by name.
        assertThat(overview(new FleetScope("us-east", "dc-ash", null, null)).changesByMember())
                .containsExactly(
                        new SupplyChange(
                                "ash-c1",
                                servers(2, 128),
                                servers(0, 0),
                                servers(1, 64),
                                servers(0, 0),
                                servers(1, 64)),
                        new SupplyChange(
                                "ash-c2", servers(0, 0), servers(1, 64), servers(0, 0), servers(0, 0), servers(1, 64)));
        // A cluster's next level is its services, which own no servers.
        OverviewFigures cluster = overview(new FleetScope("us-east", "dc-ash", "ash-c1", null));
        assertThat(cluster.changesByMember()).isEmpty();
        assertThat(cluster.changesBySku()).extracting(SupplyChange::key).containsExactly("big");
    }

    @Test
    void aServiceHasNoSupplyChanges() {
        OverviewFigures figures = overview(new FleetScope(null, null, null, "checkout"));

        assertThat(figures.changesBySku()).isEmpty();
        assertThat(figures.changesByMonth()).isEmpty();
        assertThat(figures.changesByMember()).isEmpty();
    }

    private static SupplyChange.Servers servers(long servers, double capacity) {
        return new SupplyChange.Servers(servers, capacity);
    }

    private static org.assertj.core.groups.Tuple tuple(String date, double capacity) {
        return org.assertj.core.groups.Tuple.tuple(LocalDate.parse(date), capacity);
    }
}
