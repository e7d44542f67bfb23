package io.fleetcast.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.core.dataset.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A small fleet's files follow the core schemas and the simulator's stated shapes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetSimulatorFilesTest {
    private static final SimulationConfig CONFIG = new SimulationConfig(200, 400, 11, LocalDate.of(2026, 10, 31));

    private Path folder;
    private SimulationSummary summary;
    private final List<String> progress = new ArrayList<>();

    @BeforeAll
    void simulate(@TempDir Path temporary) {
        folder = temporary;
        summary = new FleetSimulator()
                .simulate(
                        CONFIG,
                        folder.resolve("fleet"),
                        (kind, rows, complete) -> progress.add(kind + " " + rows + " " + complete));
    }

    @Test
    void everyFilePassesTheSchemaRules() {
        assertThat(SchemaCheck.check(folder.resolve("fleet"))).isEmpty();
    }

    @Test
    void summaryListsEveryKindInLoadOrderWithItsRowCount() throws IOException {
        assertThat(summary.rows().keySet()).containsExactlyElementsOf(Kind.loadOrder());
        for (Kind kind : Kind.loadOrder()) {
            Path file = file(kind);
            assertThat(file).hasFileName(kind.tableName() + ".csv");
            try (var lines = Files.lines(file)) {
                assertThat(lines.count() - 1)
                        .as(kind.tableName())
                        .isEqualTo(summary.rows().get(kind));
            }
        }
        assertThat(summary.truthFile()).hasFileName("truth.json").exists();
        assertThat(summary.totalRows()).isGreaterThan(10_000);
    }

    @Test
    void listenerHearsEveryFileCompleteWithItsFinalCount() {
        for (Kind kind : Kind.loadOrder()) {
            assertThat(progress).contains(kind + " " + summary.rows().get(kind) + " true");
        }
    }

    @Test
    void filesAreUtf8WithoutBomWithUnixLineEnds() throws IOException {
        for (Path file : summary.files().values()) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes[0]).as(file.toString()).isNotEqualTo((byte) 0xEF);
            assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain("\r")
                    .endsWith("\n");
        }
    }

    @Test
    void sitesBelongToOneRegionAndClustersToOneSite() {
        Map<String, Set<String>> regionsOfSite = new HashMap<>();
        Map<String, Set<String>> sitesOfCluster = new HashMap<>();
        for (CsvFile.Row asset : CsvFile.rows(file(Kind.ASSETS))) {
            regionsOfSite
                    .computeIfAbsent(asset.get("site"), key -> new HashSet<>())
                    .add(asset.get("region"));
            sitesOfCluster
                    .computeIfAbsent(asset.get("cluster"), key -> new HashSet<>())
                    .add(asset.get("site"));
        }
        assertThat(regionsOfSite.values())
                .allSatisfy(regions -> assertThat(regions).hasSize(1));
        assertThat(sitesOfCluster.values())
                .allSatisfy(sites -> assertThat(sites).hasSize(1));
        for (CsvFile.Row order : CsvFile.rows(file(Kind.ORDERS))) {
            assertThat(sitesOfCluster.get(order.get("cluster"))).containsExactly(order.get("site"));
        }
    }

    @Test
    void fleetHasOwnedDatacentersAndCloudInstances() {
        Set<String> ownerships = new HashSet<>();
        Set<String> siteKinds = new HashSet<>();
        for (CsvFile.Row asset : CsvFile.rows(file(Kind.ASSETS))) {
            ownerships.add(asset.get("ownership"));
            siteKinds.add(asset.get("site_kind"));
        }
        assertThat(ownerships).containsExactlyInAnyOrder("owned", "reserved", "on_demand");
        assertThat(siteKinds).containsExactlyInAnyOrder("datacenter", "cloud");
    }

    @Test
    void usageHasDailyHistoryAndHourlyRowsForTheLastFourWeeks() {
        String firstDaily = "9999";
        String lastDaily = "";
        String firstHourly = "9999";
        Set<String> hourlyHours = new HashSet<>();
        for (CsvFile.Row row : CsvFile.rows(file(Kind.USAGE))) {
            String ts = row.get("ts");
            if (row.get("grain").equals("day")) {
                firstDaily = ts.compareTo(firstDaily) < 0 ? ts : firstDaily;
                lastDaily = ts.compareTo(lastDaily) > 0 ? ts : lastDaily;
            } else {
                firstHourly = ts.compareTo(firstHourly) < 0 ? ts : firstHourly;
                hourlyHours.add(ts.substring(11, 13));
            }
        }
        LocalDate end = CONFIG.end();
        assertThat(firstDaily).isEqualTo(end.minusDays(CONFIG.days() - 1L) + "T00:00:00Z");
        assertThat(lastDaily).isEqualTo(end + "T00:00:00Z");
        assertThat(firstHourly).isEqualTo(end.minusDays(27) + "T00:00:00Z");
        assertThat(hourlyHours).hasSize(24);
    }

    @Test
    void hourlyUsageAveragesToTheDailyRow() {
        Map<String, Double> daily = new HashMap<>();
        Map<String, double[]> hourly = new TreeMap<>();
        for (CsvFile.Row row : CsvFile.rows(file(Kind.USAGE))) {
            String key = row.get("service") + "|" + row.get("cluster") + "|" + row.get("resource") + "|"
                    + row.get("ts").substring(0, 10);
            double used = Double.parseDouble(row.get("used"));
            if (row.get("grain").equals("day")) {
                daily.put(key, used);
            } else {
                double[] sum = hourly.computeIfAbsent(key, k -> new double[2]);
                sum[0] += used;
                sum[1]++;
            }
        }
        assertThat(hourly).isNotEmpty();
        hourly.forEach((key, sum) -> {
            assertThat(sum[1]).isEqualTo(24);
            assertThat(sum[0] / 24).as(key).isCloseTo(daily.get(key), org.assertj.core.data.Offset.offset(0.002));
        });
    }

    @Test
    void costLinesAreFocusShapedWithASmallUntaggedShare() {
        Set<String> categories = new HashSet<>();
        Set<String> providers = new HashSet<>();
        Set<String> pricing = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal untagged = BigDecimal.ZERO;
        for (CsvFile.Row line : CsvFile.rows(file(Kind.COSTS))) {
            categories.add(line.get("ChargeCategory"));
            providers.add(line.get("ProviderName"));
            pricing.add(line.get("PricingCategory"));
            assertThat(line.get("BillingCurrency")).isEqualTo("USD");
            assertThat(line.get("ChargePeriodStart")).endsWith("T00:00:00Z");
            BigDecimal effective = new BigDecimal(line.get("EffectiveCost"));
            total = total.add(effective);
            if (line.get("Tags").equals("{}")) {
                untagged = untagged.add(effective);
            } else {
                assertThat(line.get("Tags")).contains("\"team\":").contains("\"service\":");
            }
        }
        assertThat(categories).contains("Usage", "Purchase");
        assertThat(providers).contains("On-Premises").hasSizeGreaterThan(1);
        assertThat(pricing).contains("Standard", "Committed");
        double untaggedShare = untagged.doubleValue() / total.doubleValue();
        assertThat(untaggedShare).isGreaterThan(0).isLessThan(0.1);
    }

    @Test
    void budgetsCoverEveryTeamInEveryBudgetedQuarter() {
        Set<String> teams = new HashSet<>();
        CsvFile.rows(file(Kind.SERVICES)).forEach(service -> teams.add(service.get("team")));
        Map<String, Set<String>> periodsByTeam = new HashMap<>();
        for (CsvFile.Row budget : CsvFile.rows(file(Kind.BUDGETS))) {
            periodsByTeam
                    .computeIfAbsent(budget.get("team"), key -> new HashSet<>())
                    .add(budget.get("period"));
        }
        assertThat(periodsByTeam.keySet()).isEqualTo(teams);
        assertThat(new HashSet<>(periodsByTeam.values())).hasSize(1);
        assertThat(periodsByTeam.values().iterator().next()).contains("2026-Q4", "2026-Q3");
    }

    @Test
    void telemetryCoversOwnedServersOnlyAndTheLastSeventyFiveDays() {
        Set<String> owned = new HashSet<>();
        for (CsvFile.Row asset : CsvFile.rows(file(Kind.ASSETS))) {
            if (asset.get("ownership").equals("owned")) {
                owned.add(asset.get("asset_id"));
            }
        }
        Set<String> signals = new HashSet<>();
        String first = "9999";
        for (CsvFile.Row reading : CsvFile.rows(file(Kind.TELEMETRY))) {
            assertThat(owned).contains(reading.get("asset_id"));
            signals.add(reading.get("signal"));
            first = reading.get("ts").compareTo(first) < 0 ? reading.get("ts") : first;
        }
        assertThat(signals)
                .containsExactlyInAnyOrder("temp_c", "fan_rpm", "corrected_memory_errors", "disk_reallocated_sectors");
        assertThat(first).isEqualTo(CONFIG.end().minusDays(74) + "T00:00:00Z");
    }

    private Path file(Kind kind) {
        return java.util.Objects.requireNonNull(summary.files().get(kind), kind.tableName());
    }
}
