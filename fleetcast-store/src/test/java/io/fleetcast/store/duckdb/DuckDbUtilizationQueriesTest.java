package io.fleetcast.store.duckdb;

import static io.fleetcast.store.TestFleet.ingest;
import static io.fleetcast.store.TestFleet.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.TestFleet;
import io.fleetcast.store.fleet.FleetScope;
import io.fleetcast.store.utilization.ClusterUtilization;
import io.fleetcast.store.utilization.DailyPercentiles;
import io.fleetcast.store.utilization.HostShape;
import io.fleetcast.store.utilization.ServiceUtilization;
import io.fleetcast.store.utilization.SkuPrice;
import io.fleetcast.store.utilization.UtilizationFigures;
import io.fleetcast.store.utilization.UtilizationQuery;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The utilization figures of a fleet small enough to compute by hand, over the window 2025-01-02 .. 2025-01-06.
 *
 * <pre>
 *   a1 big   us-east/dc-ash/ash-c1  installed 2025-01-01                      in service on Jan 6
 *   a2 big   us-east/dc-ash/ash-c1  installed 2025-01-01, failed 2025-01-05    out
 *   a3 big   us-east/dc-ash/ash-c1  installed 2025-01-06                      in
 *   a4 small us-east/dc-ash/ash-c1  installed 2024-12-01, retired 2025-01-06   out (retired on the day)
 *   a5 small us-east/dc-ash/ash-c1  installed 2024-12-01                      in
 *   a6 small eu-west/dc-fra/fra-c1  installed 2025-01-07                      out (after the window)
 *   a7 small eu-west/dc-fra/fra-c2  installed 2024-01-01                      in
 *   big = 64 cores, 512 GiB, 4 TB; small = 16 cores, 64 GiB, 0 TB
 *   ash-c1 supply: 2 big + 1 small = 144 cores, 1088 GiB, 8 TB
 * </pre>
 *
 * Daily usage, Jan 2..6 (used/allocated; "-" no allocation):
 *
 * <pre>
 *   checkout ash-c1 cpu     10/60  30/60  20/60  50/80  40/80
 *   search   ash-c1 cpu      5/10   5/10   6/10   7/-    2/-
 *   checkout ash-c1 memory 100/400 300/400 200/400 (Jan 2..4 only)
 *   checkout fra-c1 cpu      4/8 on Jan 3 only
 * </pre>
 *
 * Percentiles interpolate linearly (type 7): of five values, P50 is the 3rd and P95 the 4th plus 0.8 of the step to
 * the 5th; of three, P95 is the 2nd plus 0.9 of the step to the 3rd. So checkout cpu used: sorted 10 20 30 40 50, P50
 * 30, P95 48, max 50. The cluster's daily used cpu totals are 15 35 26 57 42: sorted 15 26 35 42 57, P50 35, P95 54,
 * max 57; allocated totals 70 70 70 80 80. Rows outside the window (Jan 1, Jan 7, an hourly row) must not count.
 */
class DuckDbUtilizationQueriesTest {
    private static final LocalDate JAN_2 = LocalDate.parse("2025-01-02");
    private static final LocalDate JAN_6 = LocalDate.parse("2025-01-06");

    /** Interpolated percentiles are exact up to rounding: 54 comes back as 53.99999999999999. */
    private static final RecursiveComparisonConfiguration CLOSE = RecursiveComparisonConfiguration.builder()
            .withComparatorForType((a, b) -> Math.abs(a - b) <= 1e-9 ? 0 : Double.compare(a, b), Double.class)
            .build();

    @TempDir
    static Path folder;

    private static DuckDbStore store;
    private static DuckDbUtilizationQueries queries;

    @BeforeAll
    static void openStoreAndLoadFleet() {
        store = DuckDbStore.open(
                StoreConfig.of(folder.resolve("fleetcast.duckdb")).withThreads(2), TestFleet.CLOCK);
        queries = new DuckDbUtilizationQueries(store);
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
                                "a1,big,us-east,dc-ash,datacenter,ash-c1,,,owned,2025-01-01,,",
                                "a2,big,us-east,dc-ash,datacenter,ash-c1,,,owned,2025-01-01,2025-01-05,",
                                "a3,big,us-east,dc-ash,datacenter,ash-c1,,,owned,2025-01-06,,",
                                "a4,small,us-east,dc-ash,datacenter,ash-c1,,,owned,2024-12-01,,2025-01-06",
                                "a5,small,us-east,dc-ash,datacenter,ash-c1,,,owned,2024-12-01,,",
                                "a6,small,eu-west,dc-fra,datacenter,fra-c1,,,owned,2025-01-07,,",
                                "a7,small,eu-west,dc-fra,datacenter,fra-c2,,,owned,2024-01-01,,")));
        ingest(store, Kind.SERVICES, write(folder, "services.csv", TestFleet.SERVICES));
        ingest(
                store,
                Kind.USAGE,
                write(
                        folder,
                        "usage.csv",
                        List.of(
                                "ts,grain,service,cluster,resource,unit,used,allocated",
                                "2025-01-01,day,checkout,ash-c1,cpu,cores,1000,1000",
                                "2025-01-02,day,checkout,ash-c1,cpu,cores,10,60",
                                "2025-01-03,day,checkout,ash-c1,cpu,cores,30,60",
                                "2025-01-04,day,checkout,ash-c1,cpu,cores,20,60",
                                "2025-01-05,day,checkout,ash-c1,cpu,cores,50,80",
                                "2025-01-06,day,checkout,ash-c1,cpu,cores,40,80",
                                "2025-01-07,day,checkout,ash-c1,cpu,cores,1000,1000",
                                "2025-01-03T05:00:00Z,hour,checkout,ash-c1,cpu,cores,999,999",
                                "2025-01-02,day,search,ash-c1,cpu,cores,5,10",
                                "2025-01-03,day,search,ash-c1,cpu,cores,5,10",
                                "2025-01-04,day,search,ash-c1,cpu,cores,6,10",
                                "2025-01-05,day,search,ash-c1,cpu,cores,7,",
                                "2025-01-06,day,search,ash-c1,cpu,cores,2,",
                                "2025-01-02,day,checkout,ash-c1,memory,GiB,100,400",
                                "2025-01-03,day,checkout,ash-c1,memory,GiB,300,400",
                                "2025-01-04,day,checkout,ash-c1,memory,GiB,200,400",
                                "2025-01-03,day,checkout,fra-c1,cpu,cores,4,8")));
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    private static UtilizationFigures figures(FleetScope scope) {
        return queries.utilization(new UtilizationQuery(scope, JAN_2, JAN_6));
    }

    @Test
    void lastUsageDayIsTheLastDailyRow() {
        assertThat(queries.lastUsageDay()).contains(LocalDate.parse("2025-01-07"));
    }

    @Test
    void servicePercentilesAreThoseOfTheirDailyValuesInsideTheWindow() {
        UtilizationFigures figures = figures(FleetScope.FLEET);

        assertThat(figures.services())
                .usingRecursiveFieldByFieldElementComparator(CLOSE)
                .containsExactly(
                        new ServiceUtilization(
                                "checkout",
                                "ash-c1",
                                Resource.CPU,
                                5,
                                new DailyPercentiles(30, 48, 50),
                                new DailyPercentiles(60, 80, 80),
                                80.0),
                        new ServiceUtilization(
                                "checkout",
                                "ash-c1",
                                Resource.MEMORY,
                                3,
                                new DailyPercentiles(200, 290, 300),
                                new DailyPercentiles(400, 400, 400),
                                400.0),
                        new ServiceUtilization(
                                "search",
                                "ash-c1",
                                Resource.CPU,
                                5,
                                new DailyPercentiles(5, 6.8, 7),
                                new DailyPercentiles(10, 10, 10),
                                10.0),
                        new ServiceUtilization(
                                "checkout",
                                "fra-c1",
                                Resource.CPU,
                                1,
                                new DailyPercentiles(4, 4, 4),
                                new DailyPercentiles(8, 8, 8),
                                8.0));
    }

    @Test
    void clusterTotalsArePercentilesOfDailySumsAndSupplyIsWhatIsInServiceOnTheLastDay() {
        UtilizationFigures figures = figures(FleetScope.FLEET);

        assertThat(figures.clusters())
                .usingRecursiveFieldByFieldElementComparator(CLOSE)
                .containsExactly(
                        new ClusterUtilization(
                                "fra-c1",
                                "dc-fra",
                                "eu-west",
                                Resource.CPU,
                                0,
                                1,
                                new DailyPercentiles(4, 4, 4),
                                new DailyPercentiles(8, 8, 8)),
                        new ClusterUtilization("fra-c1", "dc-fra", "eu-west", Resource.MEMORY, 0, 0, null, null),
                        new ClusterUtilization("fra-c1", "dc-fra", "eu-west", Resource.STORAGE, 0, 0, null, null),
                        new ClusterUtilization("fra-c2", "dc-fra", "eu-west", Resource.CPU, 16, 0, null, null),
                        new ClusterUtilization("fra-c2", "dc-fra", "eu-west", Resource.MEMORY, 64, 0, null, null),
                        new ClusterUtilization("fra-c2", "dc-fra", "eu-west", Resource.STORAGE, 0, 0, null, null),
                        new ClusterUtilization(
                                "ash-c1",
                                "dc-ash",
                                "us-east",
                                Resource.CPU,
                                144,
                                5,
                                new DailyPercentiles(35, 54, 57),
                                new DailyPercentiles(70, 80, 80)),
                        new ClusterUtilization(
                                "ash-c1",
                                "dc-ash",
                                "us-east",
                                Resource.MEMORY,
                                1088,
                                3,
                                new DailyPercentiles(200, 290, 300),
                                new DailyPercentiles(400, 400, 400)),
                        new ClusterUtilization("ash-c1", "dc-ash", "us-east", Resource.STORAGE, 8, 0, null, null));
    }

    @Test
    void hostShapesCountTheServersOfEachSkuInService() {
        assertThat(figures(FleetScope.FLEET).hostShapes())
                .containsExactly(
                        new HostShape("ash-c1", "big", 2, 128, 1024, 8),
                        new HostShape("ash-c1", "small", 1, 16, 64, 0),
                        new HostShape("fra-c2", "small", 1, 16, 64, 0));
    }

    @Test
    void skuCatalogCarriesPrices() {
        assertThat(figures(FleetScope.FLEET).skus())
                .containsExactly(
                        new SkuPrice(
                                "big",
                                "owned",
                                64,
                                512,
                                4,
                                new BigDecimal("14500.000000000000000000"),
                                null,
                                450.0,
                                60L),
                        new SkuPrice(
                                "small", "cloud", 16, 64, 0, null, new BigDecimal("0.806400000000000000"), null, null));
    }

    @Test
    void aRegionKeepsItsClustersOnly() {
        UtilizationFigures figures = figures(new FleetScope("eu-west", null, null, null));

        assertThat(figures.services()).extracting(ServiceUtilization::cluster).containsExactly("fra-c1");
        assertThat(figures.clusters())
                .extracting(ClusterUtilization::cluster)
                .containsOnly("fra-c1", "fra-c2")
                .hasSize(6);
        assertThat(figures.hostShapes()).extracting(HostShape::cluster).containsExactly("fra-c2");
    }

    @Test
    void aServiceKeepsItsRowsAndTheWholeTotalsOfItsClusters() {
        UtilizationFigures figures = figures(new FleetScope(null, null, null, "search"));

        assertThat(figures.services())
                .extracting(ServiceUtilization::service, ServiceUtilization::cluster)
                .containsExactly(Tuple.tuple("search", "ash-c1"));
        assertThat(figures.clusters()).extracting(ClusterUtilization::cluster).containsOnly("ash-c1");
        assertThat(figures.clusters().get(0).used())
                .usingRecursiveComparison(CLOSE)
                .isEqualTo(new DailyPercentiles(35, 54, 57));
        assertThat(figures.hostShapes()).extracting(HostShape::cluster).containsOnly("ash-c1");
    }

    @Test
    void aClusterAndSiteNarrowTheSameWay() {
        UtilizationFigures byCluster = figures(new FleetScope(null, null, "ash-c1", null));
        UtilizationFigures bySite = figures(new FleetScope("us-east", "dc-ash", null, null));

        assertThat(byCluster.clusters()).hasSize(3).isEqualTo(bySite.clusters());
        assertThat(byCluster.services()).hasSize(3).isEqualTo(bySite.services());
    }
}
