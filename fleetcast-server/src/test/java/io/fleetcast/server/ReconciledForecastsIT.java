package io.fleetcast.server;

import static io.fleetcast.server.TestBrowser.points;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.forecast.PlanProgress;
import io.fleetcast.app.forecast.PlanRequest;
import io.fleetcast.forecast.reconcile.ReconciliationMethod;
import io.fleetcast.store.plan.DemandGrain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Forecasts page on a reconciled plan, in headless Chromium against a real server: an aggregate (the cpu total) is
 * listed, and its chart shows the summed history, the forecast with its bands and the reconciled forecast.
 */
class ReconciledForecastsIT {
    private static final int HORIZON = 14;

    @TempDir
    Path folder;

    @Test
    void anAggregateShowsItsSummedHistoryAndItsReconciledForecast() throws IOException {
        try (FleetcastApp app = TestFleetData.loadedApp(folder)) {
            app.plans()
                    .forecast(
                            new PlanRequest(
                                    "*/cpu",
                                    DemandGrain.DAY,
                                    HORIZON,
                                    ImmutableList.of(),
                                    Optional.of(ReconciliationMethod.MINT_SHRINK)),
                            PlanProgress.NONE);
            FleetcastServer server = FleetcastServer.start(ServerConfig.local(0), app);
            try (TestBrowser browser = TestBrowser.start(folder, "reconciled")) {
                browser.driver()
                        .get(server.uri()
                                .resolve("forecasts.html?series=*%2F*%2Fcpu")
                                .toString());
                browser.waitForView("?series=*%2F*%2Fcpu");
                browser.assertNoErrors();

                Map<String, Map<String, Object>> chart = browser.chartSeries("forecast-chart");
                assertThat(chart).containsKeys("history", "forecast", "band95", "reconciled");
                assertThat((Long) points(chart, "history")).isGreaterThan(100L);
                assertThat(points(chart, "reconciled")).isEqualTo((long) HORIZON);
                assertThat(browser.text("#chart-sub")).contains("the coherent (reconciled) forecast");
                browser.screenshot("forecasts-reconciled-total.png");
            } finally {
                server.stop();
            }
        }
    }
}
