package io.fleetcast.app.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.app.FleetcastApp;
import io.fleetcast.store.plan.DemandGrain;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconciliation backtest over a simulated fleet in a real DuckDB file. */
class ReconciliationBacktestTest {
    @TempDir
    Path folder;

    @Test
    void scoresEveryMethodAtEveryLevelAndBottomUpLeavesTheSeriesAsTheyWere() {
        try (FleetcastApp app = PlanForecastServiceTest.loadedFleet(folder)) {
            ReconciliationBacktest.Result result =
                    app.reconciliationBacktest().run(DemandGrain.DAY, 7, "*/cpu", PlanProgress.NONE);

            Map<String, Map<String, ReconciliationBacktest.Score>> table = ReconciliationBacktest.table(result);
            assertThat(table.keySet())
                    .containsExactly("total", "org", "team", "service", "region", "site", "cluster", "series", "all");
            assertThat(Objects.requireNonNull(table.get("total")).keySet())
                    .containsExactly("base", "bottom-up", "OLS", "WLS structural", "WLS variance", "MinT shrink");
            assertThat(result.scores()).allSatisfy(score -> {
                assertThat(score.mase()).isPositive().isFinite();
                assertThat(score.coverage95()).isBetween(0.0, 1.0);
            });
            assertThat(score(table, "all", "base").nodes()).isEqualTo(result.nodes());
            // Bottom-up keeps the stored series' forecasts, intervals and all.
            assertThat(score(table, "series", "bottom-up"))
                    .usingRecursiveComparison()
                    .ignoringFields("method")
                    .isEqualTo(score(table, "series", "base"));
            assertThat(score(table, "total", "bottom-up").mase())
                    .isNotEqualTo(score(table, "total", "base").mase());
        }
    }

    private static ReconciliationBacktest.Score score(
            Map<String, Map<String, ReconciliationBacktest.Score>> table, String level, String method) {
        return Objects.requireNonNull(
                Objects.requireNonNull(table.get(level), level).get(method), method);
    }

    @Test
    void namesTheLevelOfEveryKey() {
        assertThat(ReconciliationBacktest.level("*/*/cpu")).isEqualTo("total");
        assertThat(ReconciliationBacktest.level("org:ads/*/cpu")).isEqualTo("org");
        assertThat(ReconciliationBacktest.level("team:ads-delivery/*/cpu")).isEqualTo("team");
        assertThat(ReconciliationBacktest.level("checkout/*/cpu")).isEqualTo("service");
        assertThat(ReconciliationBacktest.level("*/region:us-east/cpu")).isEqualTo("region");
        assertThat(ReconciliationBacktest.level("*/site:dc-ash/cpu")).isEqualTo("site");
        assertThat(ReconciliationBacktest.level("*/ash-c1/cpu")).isEqualTo("cluster");
        assertThat(ReconciliationBacktest.level("checkout/ash-c1/cpu")).isEqualTo("series");
    }
}
