package io.fleetcast.app.bench;

import static com.google.common.base.Preconditions.checkArgument;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.AppConfig;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.cost.CostReport;
import io.fleetcast.app.cost.CostService;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.ingest.IngestReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Measures the cost report on a month of many cost lines: {@code lines} FOCUS lines for October 2026 (one line per
 * resource and day; 2,000 services of 200 teams in 20 orgs; 97% tagged, 2% owned through their ResourceName, 1%
 * unowned) are loaded once, then each round builds the month's report (aggregation in the store, ownership, attribution
 * to the cent, anomalies, savings) and, as the peer in the same run, DuckDB sums the same lines per team tag in one
 * plain query. The report must reconcile with the peer's total.
 */
public final class CostBenchmark {
    private static final int SERVICES = 2000;
    private static final int TEAMS = 200;
    private static final int ORGS = 20;
    private static final int DAYS = 31;
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 1);
    private static final String[] REGIONS = {
        "us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1", "ap-northeast-1"
    };
    private static final String[] SKUS = {"m6id.4xlarge", "r6id.4xlarge", "c6i.2xlarge", "i4i.4xlarge", "gp3"};

    private CostBenchmark() {}

    /**
     * What to measure.
     *
     * @param lines cost lines in the month
     * @param rounds measurements of each side
     * @param folder where the data file and the database go (the file is kept and reused)
     * @param threads engine threads
     */
    public record Request(long lines, int rounds, Path folder, int threads) {
        public Request {
            checkArgument(lines >= DAYS * 10L, "lines must be >= %s, got %s", DAYS * 10L, lines);
            checkArgument(rounds >= 1, "rounds must be >= 1, got %s", rounds);
            requireNonNull(folder, "folder is null");
            checkArgument(threads >= 1, "threads must be >= 1, got %s", threads);
        }
    }

    /** One round: the report's and the peer query's seconds. */
    public record Round(double reportSeconds, double peerSeconds) {}

    /**
     * The result: medians over the rounds, the peak heap of the report rounds, and the month's billed total (which
     * the report reconciles to the cent and the peer query matches).
     */
    public record Result(
            long lines,
            long fileBytes,
            int threads,
            double ingestSeconds,
            List<Round> rounds,
            double reportSeconds,
            double peerSeconds,
            double ratio,
            long peakHeapBytes,
            BigDecimal billed,
            int teams) {
        public Result {
            rounds = ImmutableList.copyOf(rounds);
        }
    }

    /** Runs the benchmark; {@code log} hears what happens, for people watching. */
    public static Result run(Request request, Consumer<String> log) {
        Path folder = request.folder();
        Path costs = folder.resolve("costs-" + request.lines() + ".csv");
        Path services = folder.resolve("services.csv");
        try {
            Files.createDirectories(folder);
            if (!Files.isRegularFile(costs)) {
                log.accept("writing " + request.lines() + " cost lines to " + costs + " ...");
                writeCosts(costs, request.lines());
            }
            writeServices(services);
            Path database = folder.resolve("cost-bench.duckdb");
            Files.deleteIfExists(database);
            Files.deleteIfExists(folder.resolve("cost-bench.duckdb.wal"));
            try (FleetcastApp app = FleetcastApp.open(
                    new AppConfig(StoreConfig.of(database).withThreads(request.threads()), Clock.systemUTC()))) {
                app.ingest().ingest(Kind.SERVICES, List.of(services), false, IngestProgress.NONE);
                log.accept("loading the cost lines ...");
                long start = System.nanoTime();
                IngestReport loaded = app.ingest()
                        .ingest(Kind.COSTS, List.of(costs), false, IngestProgress.NONE)
                        .get(0);
                double ingestSeconds = (System.nanoTime() - start) / 1e9;
                if (loaded.rowsLoaded() != request.lines()) {
                    throw FleetcastException.internal(
                            "benchmark load lost lines: " + loaded.rowsLoaded() + " of " + request.lines(), null);
                }
                log.accept(String.format(Locale.ROOT, "loaded in %.1f s", ingestSeconds));
                CostService.Request month = CostService.Request.defaults().withPeriod("2026-10");
                String peerSql = "SELECT json_extract_string(Tags, '$.team') AS team, sum(EffectiveCost) FROM costs"
                        + " WHERE ChargePeriodStart >= TIMESTAMPTZ '2026-10-01 00:00:00+00'"
                        + " AND ChargePeriodStart < TIMESTAMPTZ '2026-11-01 00:00:00+00' GROUP BY team";
                List<Round> rounds = new ArrayList<>();
                CostReport report = null;
                long peakHeap = 0;
                for (int round = 1; round <= request.rounds(); round++) {
                    HeapPeaks.reset();
                    long reportStart = System.nanoTime();
                    report = app.cost().run(month, CostService.Progress.NONE);
                    double reportSeconds = (System.nanoTime() - reportStart) / 1e9;
                    peakHeap = Math.max(peakHeap, HeapPeaks.bytes());
                    long peerStart = System.nanoTime();
                    List<List<Object>> peer =
                            app.sql().query(peerSql, TEAMS + 10).rows();
                    double peerSeconds = (System.nanoTime() - peerStart) / 1e9;
                    BigDecimal peerTotal = BigDecimal.ZERO;
                    for (List<Object> row : peer) {
                        peerTotal = peerTotal.add(new BigDecimal(String.valueOf(row.get(1))));
                    }
                    if (peerTotal
                                    .setScale(2, java.math.RoundingMode.HALF_EVEN)
                                    .compareTo(report.reconciliation().billed())
                            != 0) {
                        throw FleetcastException.internal(
                                "the report's billed total "
                                        + report.reconciliation().billed() + " differs from DuckDB's " + peerTotal,
                                null);
                    }
                    rounds.add(new Round(reportSeconds, peerSeconds));
                    log.accept(String.format(
                            Locale.ROOT,
                            "round %d: cost report %.2f s, DuckDB sum per team tag %.2f s",
                            round,
                            reportSeconds,
                            peerSeconds));
                }
                CostReport last = requireNonNull(report);
                double reportMedian = IngestBenchmark.median(
                        rounds.stream().map(Round::reportSeconds).toList());
                double peerMedian = IngestBenchmark.median(
                        rounds.stream().map(Round::peerSeconds).toList());
                return new Result(
                        request.lines(),
                        Files.size(costs),
                        request.threads(),
                        ingestSeconds,
                        rounds,
                        reportMedian,
                        peerMedian,
                        reportMedian / peerMedian,
                        peakHeap,
                        last.reconciliation().billed(),
                        last.attribution().size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cost benchmark in " + folder, e);
        }
    }

    private static void writeServices(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, UTF_8)) {
            out.write("service,team,org,tier\n");
            for (int s = 0; s < SERVICES; s++) {
                int team = s % TEAMS;
                out.write("svc-" + s + ",team-" + team + ",org-" + team % ORGS + ",standard\n");
            }
        }
    }

    /**
     * One line per resource and day. Resource r belongs to service r mod 2,000; its daily cost is a fixed amount with
     * ten decimals, varied by day, so totals exercise exact sums.
     */
    private static void writeCosts(Path file, long lines) throws IOException {
        long resources = Math.max(1, lines / DAYS);
        try (BufferedWriter out = Files.newBufferedWriter(file, UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            out.write("BilledCost,EffectiveCost,ListCost,BillingCurrency,BillingAccountId,BillingPeriodStart,"
                    + "BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,PricingCategory,"
                    + "ConsumedQuantity,ConsumedUnit,ResourceId,ResourceName,RegionId,SkuId,ServiceName,"
                    + "ServiceCategory,ProviderName,Tags\n");
            StringBuilder line = new StringBuilder(320);
            for (long i = 0; i < lines; i++) {
                int day = (int) (i / resources) % DAYS;
                long resource = i % resources;
                int service = (int) (resource % SERVICES);
                long micros = 1_000_000L + (resource * 7919L + day * 104_729L) % 90_000_000L;
                String amount =
                        micros / 1_000_000 + "." + String.format(Locale.ROOT, "%06d", micros % 1_000_000) + "1234";
                LocalDate date = FIRST_DAY.plusDays(day);
                line.setLength(0);
                line.append(amount).append(',').append(amount).append(',').append(amount);
                line.append(",USD,acct-").append(resource % 4).append(",2026-10-01T00:00:00Z,2026-11-01T00:00:00Z,");
                line.append(date).append("T00:00:00Z,").append(date.plusDays(1)).append("T00:00:00Z,Usage,Standard,");
                line.append("24,Hours,i-").append(resource).append(',');
                long kind = resource % 100;
                line.append(kind < 98 ? "i-" + resource : "svc-" + service).append(',');
                line.append(REGIONS[(int) (resource % REGIONS.length)]).append(',');
                line.append(SKUS[(int) (resource % SKUS.length)]).append(",Amazon Elastic Compute Cloud,Compute,AWS,");
                if (kind < 97) {
                    line.append("\"{\"\"team\"\":\"\"team-")
                            .append(service % TEAMS)
                            .append("\"\",\"\"service\"\":\"\"svc-")
                            .append(service)
                            .append("\"\"}\"");
                } else {
                    line.append("{}");
                }
                line.append('\n');
                out.append(line);
            }
        }
    }
}
