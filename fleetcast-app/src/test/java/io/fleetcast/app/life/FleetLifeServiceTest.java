package io.fleetcast.app.life;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.app.AppConfig;
import io.fleetcast.app.DemoFleet;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.reliability.fit.Family;
import io.fleetcast.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fleet reliability on the simulator's fleet (the demo's: 2,000 servers, 3 years, seed 42), whose per-SKU Weibull lives
 * and one bad purchase batch are in {@code truth.json}: the fits by SKU hold the true parameters inside their 95%
 * bounds, the bad batch is the least reliable batch with enough failures and its fit holds its truth, and the failure forecast adds up.
 */
class FleetLifeServiceTest {
    /** SKUs with at least this many failures are checked against the truth; fewer give no meaningful bounds. */
    private static final int ENOUGH_FAILURES = 10;

    @TempDir
    Path folder;

    @Test
    void recoversTheSimulatedLivesAndFindsTheBadBatch() throws IOException {
        try (DemoFleet fleet = DemoFleet.load(List.of(Kind.SKUS, Kind.ASSETS))) {
            FleetcastApp app = fleet.app();
            JsonNode truth = fleet.truth();

            FleetLifeService.Result bySku =
                    app.life().analyse(FleetLifeService.Segment.SKU, Family.WEIBULL_2P, 12, 0.95);

            Map<String, JsonNode> skuTruth = new HashMap<>();
            JsonNode badBatch = null;
            for (JsonNode weibull : truth.path("weibull")) {
                if (weibull.path("batch").isNull()) {
                    skuTruth.put(weibull.path("sku").asText(), weibull);
                } else {
                    badBatch = weibull;
                }
            }
            int checked = 0;
            for (FleetLifeService.SegmentFit fit : bySku.segments()) {
                JsonNode expected = skuTruth.get(fit.segment());
                if (fit.note() != null || expected == null || fit.failures() < ENOUGH_FAILURES) {
                    continue;
                }
                assertInside(fit, "scale", expected.path("scale_days").asDouble());
                assertInside(fit, "shape", expected.path("shape").asDouble());
                checked++;
            }
            assertThat(checked).as("SKUs with enough failures").isGreaterThanOrEqualTo(6);
            assertThat(bySku.segments())
                    .anySatisfy(fit -> assertThat(fit.note()).contains("0 failures"));

            FleetLifeService.Result byBatch =
                    app.life().analyse(FleetLifeService.Segment.BATCH, Family.WEIBULL_2P, 0, 0.95);
            // Among batches with enough failures to rank (small ones' B10 is mostly noise), it is the least reliable.
            FleetLifeService.SegmentFit worst = byBatch.segments().stream()
                    .filter(fit -> fit.note() == null && fit.failures() >= ENOUGH_FAILURES)
                    .findFirst()
                    .orElseThrow();
            JsonNode bad = Objects.requireNonNull(badBatch);
            assertThat(worst.segment()).isEqualTo(bad.path("batch").asText());
            assertInside(worst, "scale", bad.path("scale_days").asDouble());
            assertInside(worst, "shape", bad.path("shape").asDouble());

            // Twelve months of expected failures per fitted SKU; their total against the failures the simulator drew
            // for
            // the year after the data end (truth.json), within 3 standard deviations of the units' spread.
            double expected = 0;
            double variance = 0;
            for (FleetLifeService.SegmentForecast forecast : bySku.forecast()) {
                assertThat(forecast.months()).hasSize(12);
                assertThat(forecast.months().get(0).month()).isEqualTo("2026-11");
                for (FleetLifeService.MonthForecast month : forecast.months()) {
                    assertThat(month.lower())
                            .isLessThanOrEqualTo(month.expected())
                            .isGreaterThanOrEqualTo(0);
                    expected += month.expected();
                    double sd = (month.upper() - month.expected()) / 1.959963984540054;
                    variance += sd * sd;
                }
            }
            LocalDate asOf = Objects.requireNonNull(bySku.asOf());
            java.util.Set<String> forecastSkus = new java.util.HashSet<>();
            bySku.forecast().forEach(forecast -> forecastSkus.add(forecast.segment()));
            long drawn = 0;
            for (JsonNode failure : truth.path("failures")) {
                LocalDate day = LocalDate.parse(failure.path("date").asText());
                if (day.isAfter(asOf)
                        && !day.isAfter(asOf.plusYears(1))
                        && forecastSkus.contains(failure.path("sku").asText())) {
                    drawn++;
                }
            }
            assertThat((double) drawn)
                    .as("failures drawn in the next year vs %.1f expected", expected)
                    .isBetween(expected - 3 * Math.sqrt(variance), expected + 3 * Math.sqrt(variance));
            assertThatThrownBy(() -> app.life()
                            .compare(FleetLifeService.Segment.SKU, "compute-2024", "no-such-sku", Family.WEIBULL_2P))
                    .hasMessageContaining("no assets with sku no-such-sku");
        }
    }

    @Test
    void operatingHoursComeFromPowerOnHoursReadingsOrTwentyFourADay() throws IOException {
        Path files = java.nio.file.Files.createDirectory(folder.resolve("hours"));
        write(
                files.resolve("skus.csv"),
                "sku,kind,description,cores,memory_gib,storage_tb,price_usd,hourly_usd,reserved_hourly_usd,power_watts,"
                        + "depreciation_months,lifetime_months",
                "big,owned,2U compute,64,512,4.0,14500.00,,,450,60,72");
        write(
                files.resolve("assets.csv"),
                "asset_id,sku,region,site,site_kind,cluster,rack,batch,ownership,install_date,failure_date,retire_date",
                "a1,big,us-east,dc-ash,datacenter,ash-c1,r1,b1,owned,2025-01-01,2025-07-01,",
                "a2,big,us-east,dc-ash,datacenter,ash-c1,r1,b1,owned,2025-01-01,,",
                "a3,big,us-east,dc-ash,datacenter,ash-c1,r1,b1,owned,2025-03-01,2025-09-30,");
        // a1 was powered off for a while: 1,000 hours by June 1st, then 30 days on to its failure. a3's reading after
        // its failure does not count.
        write(
                files.resolve("telemetry.csv"),
                "asset_id,ts,signal,value,unit",
                "a1,2025-05-01T00:00:00Z,power_on_hours,400,h",
                "a1,2025-06-01T00:00:00Z,power_on_hours,1000,h",
                "a1,2025-06-01T00:00:00Z,temp_c,40,C",
                "a3,2025-10-15T00:00:00Z,power_on_hours,99999,h");
        try (FleetcastApp app = FleetcastApp.open(new AppConfig(
                StoreConfig.of(folder.resolve("hours.duckdb")).withThreads(2),
                Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC)))) {
            app.ingest().ingestFolder(files, false, IngestProgress.NONE);
            LocalDate asOf = app.life()
                    .analyse(FleetLifeService.Segment.SKU, Family.EXPONENTIAL_1P, 0, 0.95)
                    .asOf();
            FleetLifeService.Result hours = app.life()
                    .analyse(
                            FleetLifeService.Segment.SKU,
                            Family.EXPONENTIAL_1P,
                            0,
                            0.95,
                            FleetLifeService.AgeUnit.HOURS);

            assertThat(hours.unit()).isEqualTo("hours");
            assertThat(hours.notes())
                    .containsExactly(
                            "1 of 3 assets have power_on_hours readings; the others are counted at 24 hours a day");
            double a1 = 1000 + 30 * 24;
            double a2 = 24.0 * java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse("2025-01-01"), asOf);
            double a3 = 24.0
                    * java.time.temporal.ChronoUnit.DAYS.between(
                            LocalDate.parse("2025-03-01"), LocalDate.parse("2025-09-30"));
            // Exponential MLE: failures over total hours.
            double rate =
                    Objects.requireNonNull(hours.segments().get(0).params().get("rate"));
            assertThat(rate).isCloseTo(2 / (a1 + a2 + a3), org.assertj.core.api.Assertions.within(1e-6 * rate));
        }
    }

    private static void write(Path file, String... lines) throws IOException {
        java.nio.file.Files.write(
                file, (String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void assertInside(FleetLifeService.SegmentFit fit, String parameter, double truth) {
        List<Double> bounds = Objects.requireNonNull(fit.bounds().get(parameter));
        assertThat(truth)
                .as("true %s of %s inside the 95%% bounds %s", parameter, fit.segment(), bounds)
                .isBetween(bounds.get(0), bounds.get(1));
    }
}
