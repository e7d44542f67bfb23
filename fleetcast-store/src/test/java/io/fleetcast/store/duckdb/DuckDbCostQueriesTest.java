package io.fleetcast.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.TestFleet;
import io.fleetcast.store.cost.CostGroup;
import io.fleetcast.store.cost.CostGroupQuery;
import io.fleetcast.store.cost.OwnerRoute;
import io.fleetcast.store.cost.ServiceOwner;
import io.fleetcast.store.cost.StoredBudget;
import io.fleetcast.store.fleet.DataSpan;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cost lines summed per day and owner, each line finding its team by the documented route, amounts exact. */
class DuckDbCostQueriesTest {
    private static final String HEADER = "BilledCost,EffectiveCost,BillingCurrency,BillingAccountId,BillingPeriodStart,"
            + "BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ResourceName,RegionId,SkuId,"
            + "ServiceName,ProviderName,Tags";
    private static final String OCTOBER = "2026-10-01T00:00:00Z,2026-11-01T00:00:00Z,";

    @TempDir
    Path folder;

    private DuckDbStore store;
    private DuckDbCostQueries costs;

    @BeforeEach
    void open() {
        store = DuckDbStore.open(
                StoreConfig.of(folder.resolve("fleetcast.duckdb")).withThreads(2), TestFleet.CLOCK);
        costs = new DuckDbCostQueries(store);
        TestFleet.loadTopology(store, folder);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static String line(String billed, String effective, String day, String resource, String tags) {
        return billed + "," + effective + ",USD,acct-1," + OCTOBER + day + "T00:00:00Z," + day + "T23:59:59Z,Usage,"
                + resource + ",us-east-1,m7.4xlarge,Compute,AWS," + tags;
    }

    @Test
    void eachLineFindsItsTeamByTagThenServiceTagThenResourceName() {
        Path file = TestFleet.write(
                folder,
                "costs.csv",
                List.of(
                        HEADER,
                        line(
                                "10.123456789012345678",
                                "9.5",
                                "2026-10-01",
                                "vm-a",
                                "\"{\"\"team\"\":\"\"payments\"\",\"\"service\"\":\"\"checkout\"\"}\""),
                        line(
                                "0.000000000000000001",
                                "",
                                "2026-10-01",
                                "vm-a",
                                "\"{\"\"team\"\":\"\"payments\"\",\"\"service\"\":\"\"checkout\"\"}\""),
                        line("2", "2", "2026-10-01", "vm-b", "\"{\"\"cost-center\"\":\"\"discovery\"\"}\""),
                        line("3", "3", "2026-10-01", "vm-c", "\"{\"\"service\"\":\"\"search\"\"}\""),
                        line("4", "4", "2026-10-02", "checkout", "{}"),
                        line("5", "5", "2026-10-02", "mystery", "{}"),
                        line("6", "6", "2026-10-02", "search", ""),
                        // A team tag wins over the ResourceName; a blank team tag counts as none.
                        line("7", "7", "2026-10-02", "checkout", "\"{\"\"team\"\":\"\" \"\"}\"")));
        TestFleet.ingest(store, Kind.COSTS, file);

        List<CostGroup> groups = costs.dailyGroups(new CostGroupQuery(
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), List.of("team", "cost-center"), "service"));

        assertThat(groups)
                .extracting(
                        CostGroup::day,
                        CostGroup::team,
                        CostGroup::service,
                        CostGroup::route,
                        CostGroup::billed,
                        CostGroup::effective,
                        CostGroup::lines)
                .containsExactly(
                        // Sorted by day, team, service; no team or service sorts last.
                        tuple(day(1), "discovery", "search", OwnerRoute.SERVICE_TAG, dec("3"), dec("3"), 1L),
                        tuple(day(1), "discovery", null, OwnerRoute.TEAM_TAG, dec("2"), dec("2"), 1L),
                        // 9.5 + the second line's BilledCost, standing in for its missing EffectiveCost: exact.
                        tuple(
                                day(1),
                                "payments",
                                "checkout",
                                OwnerRoute.TEAM_TAG,
                                dec("10.123456789012345679"),
                                dec("9.500000000000000001"),
                                2L),
                        tuple(day(2), "discovery", "search", OwnerRoute.RESOURCE_NAME, dec("6"), dec("6"), 1L),
                        tuple(day(2), "payments", "checkout", OwnerRoute.RESOURCE_NAME, dec("11"), dec("11"), 2L),
                        tuple(day(2), null, null, OwnerRoute.NONE, dec("5"), dec("5"), 1L));
        assertThat(groups.get(0).region()).isEqualTo("us-east-1");
        assertThat(groups.get(0).sku()).isEqualTo("m7.4xlarge");
        assertThat(groups.get(0).currency()).isEqualTo("USD");
        assertThat(costs.chargeDays()).contains(new DataSpan(day(1), day(2)));
    }

    @Test
    void theWindowBoundsTheChargeDays() {
        Path file = TestFleet.write(
                folder,
                "costs.csv",
                List.of(
                        HEADER,
                        line("1", "1", "2026-10-01", "checkout", "{}"),
                        line("2", "2", "2026-10-02", "checkout", "{}"),
                        line("4", "4", "2026-10-03", "checkout", "{}")));
        TestFleet.ingest(store, Kind.COSTS, file);

        List<CostGroup> groups = costs.dailyGroups(
                new CostGroupQuery(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 2), List.of("team"), "service"));

        assertThat(groups).extracting(CostGroup::day, CostGroup::billed).containsExactly(tuple(day(2), dec("2")));
    }

    @Test
    void aServiceLoadedTwiceHasOneOwnerSoNoLineCountsTwice() {
        TestFleet.ingest(
                store,
                Kind.SERVICES,
                TestFleet.write(folder, "services-2.csv", List.of("service,team,org,tier", "search,ranking,ads,")));
        TestFleet.ingest(
                store,
                Kind.COSTS,
                TestFleet.write(folder, "costs.csv", List.of(HEADER, line("8", "8", "2026-10-01", "search", "{}"))));

        List<CostGroup> groups = costs.dailyGroups(
                new CostGroupQuery(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1), List.of("team"), "service"));

        assertThat(groups).extracting(CostGroup::team, CostGroup::billed).containsExactly(tuple("ranking", dec("8")));
        assertThat(costs.owners())
                .containsExactly(
                        new ServiceOwner("checkout", "payments", "commerce"),
                        new ServiceOwner("search", "ranking", "ads"));
    }

    @Test
    void budgetsComeWithTheirSourceLine() {
        Path file = TestFleet.write(
                folder,
                "budgets.csv",
                List.of("team,period,amount,currency", "payments,2026-Q4,1200.50,USD", "discovery,2026-H2,99,USD"));
        TestFleet.ingest(store, Kind.BUDGETS, file);

        assertThat(costs.budgets())
                .containsExactly(
                        new StoredBudget("discovery", "2026-H2", dec("99"), "USD", file.toString(), 3),
                        new StoredBudget("payments", "2026-Q4", dec("1200.50"), "USD", file.toString(), 2));
    }

    @Test
    void noCostLinesHaveNoChargeDays() {
        assertThat(costs.chargeDays()).isEmpty();
    }

    private static LocalDate day(int dayOfOctober) {
        return LocalDate.of(2026, 10, dayOfOctober);
    }

    private static BigDecimal dec(String text) {
        return new BigDecimal(text).setScale(18);
    }
}
