package io.fleetcast.simulator;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.core.dataset.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ground truth in truth.json agrees with the files and can be recovered from them with simple methods: known
 * answers, not just shapes. The default fleet is simulated once for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroundTruthTest {
    /** The demo fleet: what users see first is what is checked. */
    private static final SimulationConfig CONFIG = SimulationConfig.defaults();

    private Path folder;
    private SimulationSummary summary;
    private JsonNode truth;
    private List<CsvFile.Row> assets;
    private LocalDate end;
    /** Daily used by "service|cluster|resource", then day. */
    private final Map<String, NavigableMap<String, Double>> dailyUsed = new HashMap<>();
    /** EffectiveCost of lines tagged with a team, by team and then day. */
    private final Map<String, Map<String, Double>> taggedSpend = new HashMap<>();
    /** EffectiveCost of every cost line above $1000, as plain decimals. */
    private final Set<String> largeAmounts = new HashSet<>();

    @BeforeAll
    void simulate(@TempDir Path temporary) throws IOException {
        folder = temporary;
        summary = new FleetSimulator().simulate(CONFIG, folder, SimulationListener.NONE);
        truth = new ObjectMapper().readTree(summary.truthFile().toFile());
        assets = CsvFile.rows(file(Kind.ASSETS));
        end = CONFIG.end();
        readUsage();
        readCosts();
    }

    private void readUsage() {
        Path usage = file(Kind.USAGE);
        List<String> header = CsvFile.header(usage);
        int service = header.indexOf("service");
        int resource = header.indexOf("resource");
        int grain = header.indexOf("grain");
        int cluster = header.indexOf("cluster");
        int ts = header.indexOf("ts");
        int used = header.indexOf("used");
        CsvFile.forEachRow(usage, fields -> {
            if (fields.get(grain).equals("day")) {
                dailyUsed
                        .computeIfAbsent(
                                fields.get(service) + "|" + fields.get(cluster) + "|" + fields.get(resource),
                                key -> new TreeMap<>())
                        .put(fields.get(ts).substring(0, 10), Double.parseDouble(fields.get(used)));
            }
        });
    }

    private void readCosts() throws IOException {
        Path costs = file(Kind.COSTS);
        List<String> header = CsvFile.header(costs);
        int tags = header.indexOf("Tags");
        int effective = header.indexOf("EffectiveCost");
        int day = header.indexOf("ChargePeriodStart");
        ObjectMapper json = new ObjectMapper();
        Map<String, String> teamOfTags = new HashMap<>();
        List<IOException> failures = new ArrayList<>();
        CsvFile.forEachRow(costs, fields -> {
            BigDecimal amount = new BigDecimal(fields.get(effective));
            if (amount.compareTo(BigDecimal.valueOf(1000)) > 0) {
                largeAmounts.add(amount.stripTrailingZeros().toPlainString());
            }
            String tag = fields.get(tags);
            if (tag.equals("{}")) {
                return;
            }
            String team = teamOfTags.computeIfAbsent(tag, text -> {
                try {
                    return json.readTree(text).get("team").asText();
                } catch (IOException e) {
                    failures.add(e);
                    return "";
                }
            });
            taggedSpend
                    .computeIfAbsent(team, key -> new HashMap<>())
                    .merge(fields.get(day).substring(0, 10), amount.doubleValue(), Double::sum);
        });
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    @Test
    void truthRecordsTheConfig() {
        JsonNode config = truth.get("config");
        assertThat(config.get("servers").asInt()).isEqualTo(2000);
        assertThat(config.get("days").asInt()).isEqualTo(1095);
        assertThat(config.get("seed").asLong()).isEqualTo(42);
        assertThat(config.get("end").asText()).isEqualTo("2026-10-31");
        assertThat(truth.get("service").get("visits_per_day").asInt()).isEqualTo(2);
        assertThat(truth.get("service").get("horizon_days").asInt()).isEqualTo(30);
        long inService = truth.get("fleet")
                        .get("owned_servers_in_service_at_end")
                        .asLong()
                + truth.get("fleet").get("cloud_instances_in_service_at_end").asLong();
        assertThat(inService).isBetween(1700L, 2300L);
    }

    @Test
    void observedFailuresAreTheAssetsFailureDates() {
        Map<String, String> failureDates = new HashMap<>();
        for (CsvFile.Row asset : assets) {
            if (!asset.get("failure_date").isEmpty()) {
                failureDates.put(asset.get("asset_id"), asset.get("failure_date"));
            }
        }
        int observed = 0;
        for (JsonNode failure : truth.get("failures")) {
            String id = failure.get("asset_id").asText();
            if (failure.get("observed").asBoolean()) {
                observed++;
                assertThat(failureDates.get(id))
                        .as(id)
                        .isEqualTo(failure.get("date").asText());
            } else {
                assertThat(failureDates).doesNotContainKey(id);
                assertThat(LocalDate.parse(failure.get("date").asText())).isAfter(end);
            }
        }
        assertThat(observed).isEqualTo(failureDates.size());
        assertThat(truth.get("failures").size()).isGreaterThan(observed);
    }

    @Test
    void weibullLivesAreRecoveredFromLifeDataWithCensoring() {
        String badBatch = "";
        Map<String, double[]> known = new HashMap<>();
        for (JsonNode entry : truth.get("weibull")) {
            if (entry.get("batch").isNull()) {
                known.put(entry.get("sku").asText(), new double[] {
                    entry.get("shape").asDouble(), entry.get("scale_days").asDouble()
                });
            } else {
                badBatch = entry.get("batch").asText();
            }
        }
        // Life data: days from install to failure (a failure) or to retirement or the end of data (a suspension).
        Map<String, List<double[]>> lives = new HashMap<>();
        List<double[]> standardised = new ArrayList<>();
        for (CsvFile.Row asset : assets) {
            if (!asset.get("ownership").equals("owned") || asset.get("batch").equals(badBatch)) {
                continue;
            }
            LocalDate install = LocalDate.parse(asset.get("install_date"));
            boolean failed = !asset.get("failure_date").isEmpty();
            LocalDate stop = failed
                    ? LocalDate.parse(asset.get("failure_date"))
                    : asset.get("retire_date").isEmpty() ? end : LocalDate.parse(asset.get("retire_date"));
            double days = ChronoUnit.DAYS.between(install, stop) + 0.5;
            lives.computeIfAbsent(asset.get("sku"), key -> new ArrayList<>()).add(new double[] {days, failed ? 1 : 0});
            // Under the truth, (t / η)^β of every SKU is a unit exponential: one check for all SKUs together.
            double[] life = requireNonNull(known.get(asset.get("sku")));
            standardised.add(new double[] {Math.pow(days / life[1], life[0]), failed ? 1 : 0});
        }
        double[] pooled = LifeFits.kaplanMeierWeibull(standardised);
        // Tolerance: a few hundred failures pin a unit exponential's fitted shape within about 10%.
        assertThat(pooled[0]).as("pooled shape").isCloseTo(1.0, within(0.15));
        assertCdfMatches("all SKUs, standardised", standardised, 1, 1);

        // The three SKUs with most failures, each against its own known distribution.
        List<Map.Entry<String, List<double[]>>> bySku = new ArrayList<>(lives.entrySet());
        bySku.sort(java.util.Comparator.comparingDouble(
                entry -> -entry.getValue().stream().mapToDouble(life -> life[1]).sum()));
        for (Map.Entry<String, List<double[]>> entry : bySku.subList(0, 3)) {
            double[] life = requireNonNull(known.get(entry.getKey()));
            assertCdfMatches(entry.getKey(), entry.getValue(), life[0], life[1]);
        }
    }

    /**
     * The Kaplan–Meier estimate of the failure probability at the quartiles of the failure times agrees with the
     * Weibull CDF {@code 1 − exp(−(t/η)^β)}. Tolerance: three Greenwood standard errors plus 0.002.
     */
    private static void assertCdfMatches(String what, List<double[]> lives, double shape, double scale) {
        List<double[]> estimate = LifeFits.kaplanMeier(lives);
        assertThat(estimate).as(what).hasSizeGreaterThan(15);
        for (double quantile : new double[] {0.25, 0.5, 0.75, 1.0}) {
            double[] point = estimate.get((int) Math.round(quantile * (estimate.size() - 1)));
            double expected = 1 - Math.exp(-Math.pow(point[0] / scale, shape));
            assertThat(point[1]).as(what + " at " + point[0]).isCloseTo(expected, within(3 * point[2] + 0.002));
        }
    }

    @Test
    void badBatchFailsSoonerThanItsSku() {
        JsonNode bad = null;
        for (JsonNode entry : truth.get("weibull")) {
            if (!entry.get("batch").isNull()) {
                bad = entry;
            }
        }
        JsonNode badEntry = requireNonNull(bad, "no bad batch in truth");
        String batch = badEntry.get("batch").asText();
        String sku = badEntry.get("sku").asText();
        double[] badFailures = new double[2];
        double[] sameAgeFailures = new double[2];
        LocalDate batchInstall = null;
        for (CsvFile.Row asset : assets) {
            if (asset.get("batch").equals(batch)) {
                batchInstall = LocalDate.parse(asset.get("install_date"));
                badFailures[0] += asset.get("failure_date").isEmpty() ? 0 : 1;
                badFailures[1]++;
            }
        }
        assertThat(batchInstall).isNotNull();
        for (CsvFile.Row asset : assets) {
            LocalDate install = LocalDate.parse(asset.get("install_date"));
            if (asset.get("sku").equals(sku)
                    && !asset.get("batch").equals(batch)
                    && Math.abs(ChronoUnit.DAYS.between(install, batchInstall)) < 240
                    && asset.get("ownership").equals("owned")) {
                sameAgeFailures[0] += asset.get("failure_date").isEmpty() ? 0 : 1;
                sameAgeFailures[1]++;
            }
        }
        assertThat(badFailures[0] / badFailures[1]).isGreaterThan(2 * sameAgeFailures[0] / sameAgeFailures[1]);
    }

    @Test
    void elasticityIsRecoveredByLogLogRegression() {
        Map<String, Map<String, Double>> drivers = new HashMap<>();
        for (CsvFile.Row row : CsvFile.rows(file(Kind.DRIVERS))) {
            drivers.computeIfAbsent(row.get("driver") + "|" + row.get("service"), key -> new HashMap<>())
                    .put(row.get("date"), Double.parseDouble(row.get("value")));
        }
        Set<String> excludedDays = eventDays();
        int checked = 0;
        for (JsonNode binding : truth.get("drivers")) {
            String service = binding.get("service").asText();
            String driverService = binding.get("driver_service").isNull()
                    ? ""
                    : binding.get("driver_service").asText();
            Map<String, Double> driver =
                    requireNonNull(drivers.get(binding.get("driver").asText() + "|" + driverService));
            Map<String, String> launchStart = new HashMap<>();
            truth.get("launches").forEach(launch -> {
                if (launch.get("service").asText().equals(service)) {
                    launchStart.merge(
                            launch.get("cluster").asText(),
                            launch.get("start").asText(),
                            (first, second) -> first.compareTo(second) < 0 ? first : second);
                }
            });
            for (Map.Entry<String, NavigableMap<String, Double>> cluster :
                    dailyUsage(service, "cpu").entrySet()) {
                // Leave out the ramp-up after the service arrived, launch steps and event days.
                String firstDay = LocalDate.parse(cluster.getValue().firstKey())
                        .plusDays(90)
                        .toString();
                String stopDay = launchStart.getOrDefault(cluster.getKey(), "9999");
                List<double[]> points = new ArrayList<>();
                cluster.getValue().forEach((day, used) -> {
                    if (day.compareTo(firstDay) >= 0 && day.compareTo(stopDay) < 0 && !excludedDays.contains(day)) {
                        points.add(new double[] {Math.log(requireNonNull(driver.get(day), day)), Math.log(used)});
                    }
                });
                if (points.size() < 300) {
                    continue;
                }
                // Tolerance: 2.5% daily noise over hundreds of days pins the slope within a few hundredths.
                assertThat(LifeFits.slope(points))
                        .as(service + " in " + cluster.getKey())
                        .isCloseTo(binding.get("elasticity").asDouble(), within(0.05));
                checked++;
            }
        }
        assertThat(checked).as("driven placements with a long enough history").isGreaterThanOrEqualTo(3);
    }

    @Test
    void userFacingDemandIsHigherOnWeekdays() {
        String service = truth.get("drivers").get(0).get("service").asText();
        double[] weekday = new double[2];
        double[] weekend = new double[2];
        for (NavigableMap<String, Double> series : dailyUsage(service, "cpu").values()) {
            series.forEach((day, used) -> {
                DayOfWeek dayOfWeek = LocalDate.parse(day).getDayOfWeek();
                double[] bucket = dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY ? weekend : weekday;
                bucket[0] += used;
                bucket[1]++;
            });
        }
        assertThat(weekday[0] / weekday[1]).isGreaterThan(1.1 * weekend[0] / weekend[1]);
    }

    @Test
    void oneOffEventLiftShowsInInteractiveDemand() {
        JsonNode event = null;
        for (JsonNode entry : truth.get("events")) {
            if (entry.get("scope").asText().equals("global")
                    && entry.get("kind").asText().equals("one_off")
                    && LocalDate.parse(entry.get("start").asText()).isBefore(end.minusDays(7))) {
                event = entry;
            }
        }
        JsonNode chosen = requireNonNull(event, "no one-off event in the history");
        LocalDate day = LocalDate.parse(chosen.get("start").asText());
        String service = truth.get("drivers").get(0).get("service").asText();
        double on = 0;
        double around = 0;
        for (NavigableMap<String, Double> series : dailyUsage(service, "cpu").values()) {
            on += series.getOrDefault(day.toString(), 0.0);
            around += (series.getOrDefault(day.minusWeeks(1).toString(), 0.0)
                            + series.getOrDefault(day.plusWeeks(1).toString(), 0.0))
                    / 2;
        }
        // Tolerance: the same weekday a week apart differs by growth, driver and demand noise, a few percent.
        assertThat(on / around).isCloseTo(chosen.get("lift").asDouble(), within(0.1));
    }

    @Test
    void launchStepShowsInDemandFromItsStart() {
        JsonNode launch = null;
        for (JsonNode entry : truth.get("launches")) {
            LocalDate start = LocalDate.parse(entry.get("start").asText());
            if (launch == null && entry.get("resource").asText().equals("cpu") && start.isBefore(end.minusDays(30))) {
                launch = entry;
            }
        }
        JsonNode chosen = requireNonNull(launch, "no past cpu launch");
        LocalDate start = LocalDate.parse(chosen.get("start").asText());
        NavigableMap<String, Double> series =
                requireNonNull(dailyUsage(chosen.get("service").asText(), "cpu")
                        .get(chosen.get("cluster").asText()));
        double before = 0;
        double after = 0;
        for (int i = 1; i <= 14; i++) {
            before += requireNonNull(series.get(start.minusDays(i).toString())) / 14;
            after += requireNonNull(series.get(start.plusDays(i - 1).toString())) / 14;
        }
        double step = chosen.get("step").asDouble();
        // Tolerance: two weeks of growth and noise around the step.
        assertThat(after - before).isCloseTo(step, within(0.3 * step + 0.05 * before));
        boolean adjusted = CsvFile.rows(file(Kind.ADJUSTMENTS)).stream()
                .anyMatch(row -> row.get("adjustment_id").equals(truthText(chosen, "adjustment_id"))
                        && row.get("kind").equals("step")
                        && new BigDecimal(row.get("value")).compareTo(new BigDecimal(truthText(chosen, "step"))) == 0
                        && row.get("created_at").compareTo(row.get("start_date")) < 0);
        assertThat(adjusted).isTrue();
    }

    @Test
    void someButNotMostClustersRunOutAndTheirDemandGrowsTowardsCapacity() {
        Set<String> ownedClusters = new HashSet<>();
        for (CsvFile.Row asset : assets) {
            if (asset.get("ownership").equals("owned")) {
                ownedClusters.add(asset.get("cluster"));
            }
        }
        Set<String> exhausted = new HashSet<>();
        for (JsonNode entry : truth.get("exhaustion")) {
            String cluster = entry.get("cluster").asText();
            String resource = entry.get("resource").asText();
            exhausted.add(cluster);
            assertThat(ownedClusters).contains(cluster);
            LocalDate date = LocalDate.parse(entry.get("date").asText());
            assertThat(date)
                    .isAfter(end)
                    .isBeforeOrEqualTo(LocalDate.parse(
                            truth.get("config").get("horizon_end").asText()));
            double usable = entry.get("usable_capacity_after_end").asDouble();
            assertThat(entry.get("expected_used_at_end").asDouble()).isLessThan(usable);
            // On its date demand has just crossed usable capacity.
            assertThat(entry.get("expected_used_on_date").asDouble())
                    .isGreaterThan(entry.get("usable_capacity_on_date").asDouble());
            double recent = clusterUsage(cluster, resource, end.minusDays(27), end);
            double yearBefore = clusterUsage(cluster, resource, end.minusDays(392), end.minusDays(365));
            assertThat(recent).as(cluster + " " + resource).isGreaterThan(yearBefore);
            assertThat(recent).isGreaterThan(0.4 * usable).isLessThan(usable);
        }
        assertThat(exhausted).isNotEmpty();
        assertThat(exhausted.size()).isLessThanOrEqualTo(ownedClusters.size() / 2);
        assertThat(truth.get("exhaustion").findValuesAsText("designed")).contains("true");
    }

    @Test
    void budgetOverrunsAreBudgetedAndTheCurrentOneIsForeseeable() {
        Map<String, BigDecimal> budgets = new HashMap<>();
        for (CsvFile.Row budget : CsvFile.rows(file(Kind.BUDGETS))) {
            budgets.put(budget.get("team") + "|" + budget.get("period"), new BigDecimal(budget.get("amount")));
        }
        String currentPeriod = end.getYear() + "-Q" + end.get(IsoFields.QUARTER_OF_YEAR);
        LocalDate quarterStart = end.with(IsoFields.DAY_OF_QUARTER, 1);
        double elapsed = ChronoUnit.DAYS.between(quarterStart, end) + 1;
        double quarterDays = ChronoUnit.DAYS.between(quarterStart, quarterStart.plusMonths(3));
        int current = 0;
        for (JsonNode overrun : truth.get("budget_overruns")) {
            String key =
                    overrun.get("team").asText() + "|" + overrun.get("period").asText();
            BigDecimal budget = new BigDecimal(overrun.get("budget").asText());
            assertThat(budgets.get(key)).as(key).isEqualByComparingTo(budget);
            double expected = overrun.get("expected_spend").asDouble();
            assertThat(expected).isGreaterThan(budget.doubleValue());
            if (overrun.get("period").asText().equals(currentPeriod)) {
                current++;
                double toDate = overrun.get("spend_to_end").asDouble();
                assertThat(toDate).isLessThan(budget.doubleValue());
                assertThat(toDate / elapsed * quarterDays)
                        .as("run rate of " + key)
                        .isGreaterThan(budget.doubleValue());
                double tagged = taggedSpend(overrun.get("team").asText(), quarterStart, end);
                assertThat(tagged).isCloseTo(toDate, within(0.05 * toDate));
            }
        }
        assertThat(current).isPositive();
        assertThat(truth.get("budget_overruns").size()).isGreaterThan(current);
    }

    @Test
    void costAnomaliesStandOutOfTheTeamsDailySpend() {
        assertThat(truth.get("cost_anomalies").size()).isGreaterThanOrEqualTo(3);
        for (JsonNode anomaly : truth.get("cost_anomalies")) {
            String team = anomaly.get("team").asText();
            LocalDate date = LocalDate.parse(anomaly.get("date").asText());
            assertThat(largeAmounts)
                    .contains(new BigDecimal(anomaly.get("amount_usd").asText())
                            .stripTrailingZeros()
                            .toPlainString());
            Map<String, Double> spend = taggedSpend.getOrDefault(team, Map.of());
            List<Double> previous = new ArrayList<>();
            for (int i = 1; i <= 28; i++) {
                previous.add(spend.getOrDefault(date.minusDays(i).toString(), 0.0));
            }
            previous.sort(Double::compare);
            double median = previous.get(14);
            assertThat(spend.get(date.toString())).as(team + " on " + date).isGreaterThan(2.5 * median);
        }
    }

    @Test
    void failuresAnnounceThemselvesInTelemetryOfTheirMode() {
        // Failures inside the telemetry window, late enough to have a baseline before their degradation.
        LocalDate windowStart = end.minusDays(74);
        Map<String, JsonNode> failures = new HashMap<>();
        for (JsonNode failure : truth.get("failures")) {
            LocalDate degradation =
                    LocalDate.parse(failure.get("degradation_start").asText());
            LocalDate date = LocalDate.parse(failure.get("date").asText());
            if (failure.get("observed").asBoolean() && degradation.isAfter(windowStart.plusDays(14))) {
                assertThat(date).isAfter(degradation);
                failures.put(failure.get("asset_id").asText(), failure);
            }
        }
        assertThat(failures).hasSizeGreaterThanOrEqualTo(3);
        Map<String, Map<String, NavigableMap<String, Double>>> readings = new HashMap<>();
        Path telemetry = file(Kind.TELEMETRY);
        List<String> header = CsvFile.header(telemetry);
        int asset = header.indexOf("asset_id");
        int signalColumn = header.indexOf("signal");
        int ts = header.indexOf("ts");
        int value = header.indexOf("value");
        CsvFile.forEachRow(telemetry, fields -> {
            if (failures.containsKey(fields.get(asset))) {
                readings.computeIfAbsent(fields.get(asset), key -> new HashMap<>())
                        .computeIfAbsent(fields.get(signalColumn), key -> new TreeMap<>())
                        .put(fields.get(ts).substring(0, 10), Double.parseDouble(fields.get(value)));
            }
        });
        failures.forEach((id, failure) -> {
            String signal = switch (failure.get("mode").asText()) {
                case "memory" -> "corrected_memory_errors";
                case "disk" -> "disk_reallocated_sectors";
                default -> "temp_c";
            };
            NavigableMap<String, Double> series =
                    requireNonNull(requireNonNull(readings.get(id), id).get(signal), id + " " + signal);
            String degradation = failure.get("degradation_start").asText();
            double before = series.headMap(degradation, false).values().stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElseThrow();
            double last = series.descendingMap().values().stream()
                    .limit(3)
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElseThrow();
            // The last readings before the failure stand clearly above the server's own level before degradation.
            double margin = signal.equals("temp_c") ? 3 : 4;
            assertThat(last).as(id + " " + signal).isGreaterThan(before + margin);
        });
    }

    @Test
    void truthEventsAreTheEventsFile() {
        Set<String> rows = new HashSet<>();
        for (CsvFile.Row row : CsvFile.rows(file(Kind.EVENTS))) {
            rows.add(row.get("name") + "|" + row.get("start_date") + "|" + row.get("end_date") + "|" + row.get("scope")
                    + "|" + row.get("scope_value"));
        }
        Set<String> truthEvents = new HashSet<>();
        for (JsonNode event : truth.get("events")) {
            truthEvents.add(event.get("name").asText() + "|"
                    + event.get("start").asText() + "|"
                    + event.get("end").asText() + "|" + event.get("scope").asText() + "|"
                    + (event.get("scope_value").isNull()
                            ? ""
                            : event.get("scope_value").asText()));
            assertThat(event.get("lift").asDouble()).isPositive();
        }
        assertThat(truthEvents).isEqualTo(rows);
    }

    private Path file(Kind kind) {
        return java.util.Objects.requireNonNull(summary.files().get(kind), kind.tableName());
    }

    private static String truthText(JsonNode node, String field) {
        return node.get(field).asText();
    }

    /** Days of events that change interactive demand, to leave out of regressions. */
    private Set<String> eventDays() {
        Set<String> days = new HashSet<>();
        for (JsonNode event : truth.get("events")) {
            LocalDate day = LocalDate.parse(event.get("start").asText());
            LocalDate last = LocalDate.parse(event.get("end").asText());
            for (; !day.isAfter(last); day = day.plusDays(1)) {
                days.add(day.toString());
            }
        }
        return days;
    }

    /** Daily used of {@code service}'s {@code resource}, by cluster and then day. */
    private Map<String, NavigableMap<String, Double>> dailyUsage(String service, String resource) {
        Map<String, NavigableMap<String, Double>> byCluster = new TreeMap<>();
        dailyUsed.forEach((key, series) -> {
            String[] parts = key.split("\\|", -1);
            if (parts[0].equals(service) && parts[2].equals(resource)) {
                byCluster.put(parts[1], series);
            }
        });
        return byCluster;
    }

    /** Mean daily used of {@code resource} in {@code cluster} over [from, to]. */
    private double clusterUsage(String cluster, String resource, LocalDate from, LocalDate to) {
        double sum = 0;
        for (Map.Entry<String, NavigableMap<String, Double>> entry : dailyUsed.entrySet()) {
            String[] parts = entry.getKey().split("\\|", -1);
            if (parts[1].equals(cluster) && parts[2].equals(resource)) {
                for (double used : entry.getValue()
                        .subMap(from.toString(), true, to.toString(), true)
                        .values()) {
                    sum += used;
                }
            }
        }
        return sum / (ChronoUnit.DAYS.between(from, to) + 1);
    }

    /** EffectiveCost of lines tagged with {@code team} over [from, to]. */
    private double taggedSpend(String team, LocalDate from, LocalDate to) {
        double sum = 0;
        for (Map.Entry<String, Double> day :
                taggedSpend.getOrDefault(team, Map.of()).entrySet()) {
            if (day.getKey().compareTo(from.toString()) >= 0 && day.getKey().compareTo(to.toString()) <= 0) {
                sum += day.getValue();
            }
        }
        return sum;
    }
}
