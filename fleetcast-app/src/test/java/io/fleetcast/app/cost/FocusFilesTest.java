package io.fleetcast.app.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.app.AppConfig;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.InputError;
import io.fleetcast.core.error.InvalidInputException;
import io.fleetcast.planning.cost.Attribution;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.ingest.SlashDates;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real FOCUS files load, attribute and reconcile: the FinOps sample export (1,000 anonymised AWS, Azure and OCI lines)
 * and the FOCUS 1.2 specification's worked examples (copied from ../shared/data/focus, CC BY 4.0, see ATTRIBUTION.txt
 * beside them). Two of the examples carry an impossible time ({@code 2023-02-01T30:00:00Z}) and are refused by line.
 */
class FocusFilesTest {
    static final Path FOCUS = Path.of("src", "test", "resources", "io", "fleetcast", "app", "cost", "focus");
    private static final Path EXAMPLES = FOCUS.resolve("spec-v1.2-examples");
    private static final List<String> MALFORMED = List.of(
            "commitment_discount_scenarios__commitment_discount_purchase_scenario_2.csv.gz",
            "commitment_discount_scenarios__commitment_discount_purchase_scenario_3.csv.gz");

    @TempDir
    Path folder;

    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files
                    .map(file -> String.valueOf(file.getFileName()))
                    .filter(name -> !MALFORMED.contains(name))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private FleetcastApp open() {
        return FleetcastApp.open(new AppConfig(
                StoreConfig.of(folder.resolve("fleet.duckdb")).withThreads(2),
                Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC)));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void eachSpecificationExampleLoadsAndReconcilesYearByYear(String name) {
        try (FleetcastApp app = open()) {
            app.ingest()
                    .ingest(
                            Kind.COSTS,
                            List.of(EXAMPLES.resolve(name)),
                            false,
                            SlashDates.MONTH_FIRST,
                            IngestProgress.NONE);
            // The lines' EffectiveCost (BilledCost where a line has none), summed by the store's SQL directly.
            BigDecimal expected = new BigDecimal(String.valueOf(
                    value(app, "SELECT round(coalesce(sum(coalesce(EffectiveCost, BilledCost)), 0), 2) FROM costs")));
            int first = ((Number) value(app, "SELECT min(year(ChargePeriodStart)) FROM costs")).intValue();
            int last = ((Number) value(app, "SELECT max(year(ChargePeriodStart)) FROM costs")).intValue();
            BigDecimal billed = BigDecimal.ZERO;
            for (int year = first; year <= last; year++) {
                CostReport report = app.cost()
                        .run(
                                CostService.Request.defaults().withPeriod(String.valueOf(year)),
                                CostService.Progress.NONE);
                CostReport.Reconciliation reconciliation = report.reconciliation();
                assertThat(reconciliation.attributed()).isEqualByComparingTo(reconciliation.billed());
                billed = billed.add(reconciliation.billed());
            }
            assertThat(billed).isEqualByComparingTo(expected);
        }
    }

    @Test
    void aMalformedLineIsRefusedWithItsFileAndLine() {
        try (FleetcastApp app = open()) {
            Path file = EXAMPLES.resolve(MALFORMED.get(0));
            assertThatThrownBy(() -> app.ingest()
                            .ingest(Kind.COSTS, List.of(file), false, SlashDates.MONTH_FIRST, IngestProgress.NONE))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            refused -> assertThat(refused.errors())
                                    .extracting(InputError::render)
                                    .containsExactly(file + ":4: column \"ChargePeriodEnd\": expected a timestamp like"
                                            + " 2026-03-01T13:00:00Z, got \"2023-02-01T30:00:00Z\""));
            assertThat(value(app, "SELECT count(*) FROM costs")).isEqualTo(0L);
        }
    }

    @Test
    void spreadsheetDatesAreRefusedUnlessTheirOrderIsGiven() {
        try (FleetcastApp app = open()) {
            Path file = EXAMPLES.resolve("saas_examples__simple_agreements__simple_saas_agreements_a1.csv.gz");
            assertThatThrownBy(() -> app.ingest().ingest(Kind.COSTS, List.of(file), false, IngestProgress.NONE))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            refused -> assertThat(refused.errors())
                                    .first()
                                    .extracting(InputError::render)
                                    .asString()
                                    .startsWith(file + ":2: ")
                                    .contains("--slash-dates MDY or DMY"));
        }
    }

    @Test
    void theFocusSampleAttributesByItsBusinessUnitTagAndReconciles() {
        try (FleetcastApp app = open()) {
            app.ingest()
                    .ingest(
                            Kind.COSTS,
                            List.of(FOCUS.resolve("focus-1.0_sample_1000rows.csv.gz")),
                            false,
                            IngestProgress.NONE);
            CostService.Request request = new CostService.Request(
                    "2024-09",
                    null,
                    CostColumn.EFFECTIVE,
                    List.of("business_unit"),
                    "application",
                    List.of(),
                    CostService.Request.defaults().anomalies(),
                    null);

            CostReport report = app.cost().run(request, CostService.Progress.NONE);

            assertThat(report.reconciliation().lines()).isEqualTo(1000);
            assertThat(report.reconciliation().attributed())
                    .isEqualByComparingTo(report.reconciliation().billed());
            assertThat(report.reconciliation().billed())
                    .isEqualByComparingTo(new BigDecimal(String.valueOf(
                            value(app, "SELECT round(sum(coalesce(EffectiveCost, BilledCost)), 2) FROM costs"))));
            long units = (Long) value(
                    app,
                    "SELECT count(DISTINCT json_extract_string(Tags, '$.business_unit')) FROM costs"
                            + " WHERE json_extract_string(Tags, '$.business_unit') IS NOT NULL");
            assertThat(report.attribution().stream()
                            .filter(row -> !row.team().equals(Attribution.UNTAGGED))
                            .count())
                    .isEqualTo(units);
            BigDecimal untagged = new BigDecimal(String.valueOf(value(
                    app,
                    "SELECT round(sum(coalesce(EffectiveCost, BilledCost)), 2) FROM costs"
                            + " WHERE json_extract_string(Tags, '$.business_unit') IS NULL")));
            assertThat(report.reconciliation().untagged()).isEqualByComparingTo(untagged);
            assertThat(report.notes()).anyMatch(note -> note.contains(Attribution.UNTAGGED));

            // One business unit's view names no spend but its own: not the untagged spend, nor the bill's total.
            String unit = report.attribution().stream()
                    .map(CostReport.Attributed::team)
                    .filter(team -> !team.equals(Attribution.UNTAGGED))
                    .findFirst()
                    .orElseThrow();
            String scoped = app.cost()
                    .run(request.withTeams(Set.of(unit)), CostService.Progress.NONE)
                    .toJson();
            assertThat(scoped)
                    .doesNotContain(Attribution.UNTAGGED)
                    .doesNotContain(report.reconciliation().billed().toPlainString());
        }
    }

    private static Object value(FleetcastApp app, String sql) {
        Object value = app.sql().query(sql, 1).rows().get(0).get(0);
        if (value == null) {
            throw new AssertionError("NULL from " + sql);
        }
        return value;
    }
}
