package io.fleetcast.app.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Provenance;
import io.fleetcast.forecast.reconcile.GroupedHierarchy;
import io.fleetcast.forecast.reconcile.Reconciler;
import io.fleetcast.forecast.reconcile.Reconciliation;
import io.fleetcast.forecast.reconcile.ReconciliationMethod;
import io.fleetcast.forecast.reconcile.Residuals;
import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.DemandSeries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan reconciled by MinT over a simulated fleet in a real DuckDB file: every aggregate is forecast, the coherent
 * forecasts add up along org → team → service and region → site → cluster (adjusted ones too), their means are what the
 * library's reconciliation of the stored base forecasts and backtest errors gives, with each series' own interval
 * widths around them, and a plan with no new data carries them unchanged.
 */
class ReconciledPlanTest {
    private static final int HORIZON = 7;
    private static final double TOLERANCE = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    /** One stored forecast: kind (statistical, reconciled, adjusted) to its points' columns, oldest first. */
    record Stored(String key, List<Double> backtestErrors, Map<String, List<double[]>> byKind) {
        List<double[]> points(String kind) {
            return Objects.requireNonNull(byKind.get(kind), () -> key + " has no " + kind + " points");
        }
    }

    private static Stored node(Map<String, Stored> stored, String key) {
        return Objects.requireNonNull(stored.get(key), () -> "no run for " + key);
    }

    @Test
    void aMinTPlanAddsUpAlongBothTreesAndIsTheLibrarysReconciliation() throws JsonProcessingException {
        try (FleetcastApp app = PlanForecastServiceTest.loadedFleet(folder)) {
            PlanRequest request = new PlanRequest(
                    "*/cpu",
                    DemandGrain.DAY,
                    HORIZON,
                    ImmutableList.of(),
                    Optional.of(ReconciliationMethod.MINT_SHRINK));

            PlanForecast plan = app.plans().forecast(request, PlanProgress.NONE);

            assertThat(plan.reconciliation()).isEqualTo("MinT shrink");
            assertThat(plan.notes()).isEmpty();
            assertThat(plan.skipped()).isZero();
            Map<String, Stored> stored = stored(app, plan.planVersion());
            GroupedHierarchy hierarchy = hierarchy(app, stored);
            assertThat(hierarchy.bottomCount()).isGreaterThan(3);
            assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(hierarchy.nodes());

            // Coherent along every tree, for the reconciled and for the final (adjusted where adjusted) forecast.
            for (String kind : List.of("reconciled", "final")) {
                for (int tree = 0; tree < hierarchy.trees(); tree++) {
                    for (String parent : hierarchy.nodes()) {
                        List<String> children = hierarchy.children(tree, parent);
                        if (children.isEmpty()) {
                            continue;
                        }
                        for (int column = 0; column < 5; column++) {
                            for (int step = 0; step < HORIZON; step++) {
                                double sum = 0;
                                for (String child : children) {
                                    sum += value(node(stored, child), kind, step, column);
                                }
                                double own = value(node(stored, parent), kind, step, column);
                                if (column == 0) {
                                    assertThat(own)
                                            .as("%s mean of %s at step %s", kind, parent, step + 1)
                                            .isCloseTo(sum, within(TOLERANCE * Math.abs(sum)));
                                }
                            }
                        }
                    }
                }
            }

            // The library, given the stored base forecasts and backtest errors, reconciles to the stored numbers.
            Map<String, Forecast> base = new LinkedHashMap<>();
            int rows = node(stored, hierarchy.root()).backtestErrors().size();
            assertThat(rows).isEqualTo(3 * HORIZON);
            double[][] errors = new double[rows][hierarchy.size()];
            for (int i = 0; i < hierarchy.size(); i++) {
                Stored node = node(stored, hierarchy.nodes().get(i));
                base.put(node.key(), forecast(node.points("statistical")));
                for (int t = 0; t < rows; t++) {
                    errors[t][i] = node.backtestErrors().get(t);
                }
            }
            Reconciliation expected = Reconciler.of(hierarchy)
                    .reconcile(ReconciliationMethod.MINT_SHRINK, base, Residuals.of(hierarchy.nodes(), errors));
            assertThat(expected.fallbackReason()).isEmpty();
            for (String node : hierarchy.nodes()) {
                Forecast want = expected.forecast(node);
                for (int step = 0; step < HORIZON; step++) {
                    double[] got = node(stored, node).points("reconciled").get(step);
                    // The coherent mean, with the series' own (backtest-calibrated) interval widths around it.
                    double[] own = node(stored, node).points("statistical").get(step);
                    double shift = want.mean(step) - own[0];
                    double[] wanted = {want.mean(step), own[1] + shift, own[2] + shift, own[3] + shift, own[4] + shift};
                    for (int column = 0; column < 5; column++) {
                        assertThat(got[column])
                                .as("%s column %s at step %s", node, column, step + 1)
                                .isCloseTo(wanted[column], within(1e-6 * Math.max(1, Math.abs(wanted[column]))));
                    }
                }
            }

            PlanForecast again = app.plans().forecast(request, PlanProgress.NONE);
            assertThat(again.refitted()).isZero();
            assertThat(again.carried()).isEqualTo(hierarchy.size());
            Map<String, Stored> carried = stored(app, again.planVersion());
            for (String node : hierarchy.nodes()) {
                assertThat(node(carried, node).points("reconciled"))
                        .as(node)
                        .usingRecursiveFieldByFieldElementComparator()
                        .isEqualTo(node(stored, node).points("reconciled"));
            }
        }
    }

    /** Column {@code column} (mean, lo80, hi80, lo95, hi95) of a node's {@code kind} forecast; "final": adjusted if any. */
    private static double value(Stored node, String kind, int step, int column) {
        List<double[]> points = kind.equals("final") && node.byKind().containsKey("adjusted")
                ? node.points("adjusted")
                : node.points(kind.equals("final") ? "reconciled" : kind);
        return points.get(step)[column];
    }

    private static Forecast forecast(List<double[]> points) {
        double[][] columns = new double[5][points.size()];
        for (int step = 0; step < points.size(); step++) {
            for (int column = 0; column < 5; column++) {
                columns[column][step] = points.get(step)[column];
            }
        }
        return Forecast.of(
                Provenance.of("stored", ImmutableMap.of(), 1),
                columns[0],
                columns[1],
                columns[2],
                columns[3],
                columns[4]);
    }

    private static Map<String, Stored> stored(FleetcastApp app, int version) throws JsonProcessingException {
        Map<String, Stored> stored = new TreeMap<>();
        for (List<Object> row : app.sql()
                .query(
                        "SELECT series_key, CAST(backtest_errors AS VARCHAR) FROM forecast_runs WHERE plan_version = "
                                + version,
                        10_000)
                .rows()) {
            List<Double> errors =
                    row.get(1) == null ? List.of() : List.of(JSON.readValue((String) row.get(1), Double[].class));
            stored.put((String) row.get(0), new Stored((String) row.get(0), errors, new TreeMap<>()));
        }
        for (List<Object> row : app.sql()
                .query(
                        "SELECT r.series_key, p.kind, p.mean, p.lo80, p.hi80, p.lo95, p.hi95 FROM forecast_points p"
                                + " JOIN forecast_runs r USING (run_id) WHERE r.plan_version = " + version
                                + " ORDER BY r.series_key, p.kind, p.ts",
                        1_000_000)
                .rows()) {
            double[] columns = new double[5];
            for (int column = 0; column < 5; column++) {
                columns[column] = ((Number) row.get(2 + column)).doubleValue();
            }
            node(stored, (String) row.get(0))
                    .byKind()
                    .computeIfAbsent((String) row.get(1), kind -> new ArrayList<>())
                    .add(columns);
        }
        return stored;
    }

    /** The structure built here from the services and clusters, independently of the service's own. */
    private static GroupedHierarchy hierarchy(FleetcastApp app, Map<String, Stored> stored) {
        Map<String, String[]> owners = new TreeMap<>();
        app.sql()
                .query("SELECT service, team, org FROM services", 1000)
                .rows()
                .forEach(row ->
                        owners.put((String) row.get(0), new String[] {(String) row.get(1), (String) row.get(2)}));
        Map<String, String[]> places = new TreeMap<>();
        app.sql()
                .query("SELECT cluster, site, region FROM clusters", 1000)
                .rows()
                .forEach(row ->
                        places.put((String) row.get(0), new String[] {(String) row.get(1), (String) row.get(2)}));
        GroupedHierarchy.Builder builder = GroupedHierarchy.builder("*/*/cpu");
        for (String key : stored.keySet()) {
            List<String> parts = DemandSeries.keyParts(key);
            if (parts.get(0).equals("*") || parts.get(1).equals("*")) {
                continue;
            }
            String[] owner = Objects.requireNonNull(owners.get(parts.get(0)));
            String[] place = Objects.requireNonNull(places.get(parts.get(1)));
            builder.bottom(
                    key,
                    List.of(
                            List.of(
                                    "org:" + owner[1] + "/*/cpu",
                                    "team:" + owner[0] + "/*/cpu",
                                    parts.get(0) + "/*/cpu"),
                            List.of(
                                    "*/region:" + place[1] + "/cpu",
                                    "*/site:" + place[0] + "/cpu",
                                    "*/" + parts.get(1) + "/cpu")));
        }
        return builder.build();
    }
}
