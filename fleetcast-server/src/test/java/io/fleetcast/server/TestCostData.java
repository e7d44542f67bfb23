package io.fleetcast.server;

import static io.fleetcast.server.TestApps.write;

import io.fleetcast.app.FleetcastApp;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A small, known cost data set for the Cost & Budgets tests: FOCUS cost lines, the ownership mapping, budgets and
 * traffic drivers. One cost line per service per day from {@link #FIRST_DAY} to {@link #LAST_DAY} (so the default
 * period is 2025-Q4, still open), in USD with whole cents, each amount its service's base with a weekly pattern and ±1%
 * noise (seed {@value #SEED}).
 *
 * <ul>
 *   <li>org {@value #COMMERCE}: team {@value #PAYMENTS} with {@value #CHECKOUT} (about 1,000 a weekday, 700 a weekend
 *       day; found by its team tag; billed 5% above its effective cost) and {@value #LEDGER} (about 200; found by its
 *       service tag); team {@value #SEARCH} with {@value #SEARCH_API} (about 300; found by its resource name);
 *   <li>org {@value #INSIGHTS}: team {@value #ANALYTICS} with {@value #WAREHOUSE} (about 400; team tag);
 *   <li>{@value #ORPHAN}: about 50 a day that no tag or mapping claims (untagged).
 * </ul>
 *
 * Two anomalies are built in: {@value #LEDGER} spends 300 more on {@link #LEDGER_SPIKE} (a Wednesday), too little to
 * show in its team's total, so it is the service's anomaly; {@value #WAREHOUSE} spends 600 more on the last day, a
 * spike of the whole team, provisional since no day follows it. The budgets: {@value #PAYMENTS} 120,000 for 2025-Q3
 * (spent about 102,500) and 90,000 for 2025-Q4 (on course for about 102,500: the one alert); {@value #SEARCH} 30,000
 * and 40,000 (about 27,600 a quarter); {@value #ANALYTICS} 13,000 for the month 2025-10 and 50,000 for 2025-Q4.
 *
 * <p>Three traffic drivers have a value every day, so the report has unit costs for April to October (November ends
 * on the 20th): {@value #CHECKOUT}'s {@value #REQUESTS} (2 million a weekday, 1.4 million a weekend day, growing by half
 * in a year, so its cost per request falls), {@value #SEARCH_API}'s {@value #QUERIES} (a million a day, shrinking by a
 * tenth in a year, so its cost per query rises) and the fleet's {@value #DAILY_ACTIVE_USERS} (40,000, growing by a
 * fifth in a year).
 */
final class TestCostData {
    static final LocalDate FIRST_DAY = LocalDate.parse("2025-04-01");
    static final LocalDate LAST_DAY = LocalDate.parse("2025-11-20");
    static final String CURRENCY = "USD";
    static final long SEED = 7;

    static final String COMMERCE = "commerce";
    static final String INSIGHTS = "insights";
    static final String PAYMENTS = "payments";
    static final String SEARCH = "search";
    static final String ANALYTICS = "analytics";
    static final String CHECKOUT = "checkout";
    static final String LEDGER = "ledger";
    static final String SEARCH_API = "search-api";
    static final String WAREHOUSE = "warehouse";
    static final String ORPHAN = "orphan-vm-7";

    static final String REQUESTS = "requests";
    static final String QUERIES = "queries";
    static final String DAILY_ACTIVE_USERS = "daily_active_users";

    static final LocalDate LEDGER_SPIKE = LocalDate.parse("2025-10-15");
    static final double LEDGER_SPIKE_EXCESS = 300;
    static final double WAREHOUSE_SPIKE_EXCESS = 600;

    /** The budgets file: team, period, amount. */
    static final List<List<String>> BUDGETS = List.of(
            List.of(PAYMENTS, "2025-Q3", "120000"),
            List.of(PAYMENTS, "2025-Q4", "90000"),
            List.of(SEARCH, "2025-Q3", "30000"),
            List.of(SEARCH, "2025-Q4", "40000"),
            List.of(ANALYTICS, "2025-10", "13000"),
            List.of(ANALYTICS, "2025-Q4", "50000"));

    /**
     * One cost line.
     *
     * @param team the team it belongs to; null for untagged spend
     * @param service the service as the report names it ({@code (no service)} for untagged spend)
     * @param route how the report finds its team: {@code team tag}, {@code service tag}, {@code resource name} or
     *     {@code none}
     */
    record Line(
            LocalDate day,
            @Nullable String team,
            String service,
            String route,
            BigDecimal effectiveCost,
            BigDecimal billedCost,
            String resourceName,
            String tags) {}

    /**
     * One day of a traffic driver.
     *
     * @param service the service whose traffic it counts; null for the fleet's
     * @param unit what it counts
     */
    record DriverDay(LocalDate day, String driver, @Nullable String service, long value, String unit) {}

    private TestCostData() {}

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Every cost line, by day then service. */
    static List<Line> lines() {
        Random random = new Random(SEED);
        List<Line> lines = new ArrayList<>();
        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            BigDecimal checkout = amount(isWeekend(day) ? 700 : 1000, random, 0);
            lines.add(new Line(
                    day,
                    PAYMENTS,
                    CHECKOUT,
                    "team tag",
                    checkout,
                    checkout.multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.HALF_EVEN),
                    "checkout-frontend",
                    "{\"team\": \"payments\", \"service\": \"checkout\"}"));
            lines.add(line(
                    day,
                    PAYMENTS,
                    LEDGER,
                    "service tag",
                    amount(200, random, day.equals(LEDGER_SPIKE) ? LEDGER_SPIKE_EXCESS : 0),
                    "ledger-db",
                    "{\"service\": \"ledger\"}"));
            lines.add(line(day, SEARCH, SEARCH_API, "resource name", amount(300, random, 0), SEARCH_API, ""));
            lines.add(line(
                    day,
                    ANALYTICS,
                    WAREHOUSE,
                    "team tag",
                    amount(400, random, day.equals(LAST_DAY) ? WAREHOUSE_SPIKE_EXCESS : 0),
                    "warehouse-cluster",
                    "{\"team\": \"analytics\", \"service\": \"warehouse\"}"));
            lines.add(line(day, null, "(no service)", "none", amount(50, random, 0), ORPHAN, ""));
        }
        return lines;
    }

    private static Line line(
            LocalDate day,
            @Nullable String team,
            String service,
            String route,
            BigDecimal amount,
            String resourceName,
            String tags) {
        return new Line(day, team, service, route, amount, amount, resourceName, tags);
    }

    /** {@code base} with ±1% noise, plus {@code extra}, to the cent. */
    private static BigDecimal amount(double base, Random random, double extra) {
        double value = base * (1 + 0.02 * (random.nextDouble() - 0.5)) + extra;
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Every driver's value on every day, by day then driver. */
    static List<DriverDay> drivers() {
        List<DriverDay> days = new ArrayList<>();
        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            double years = ChronoUnit.DAYS.between(FIRST_DAY, day) / 365.0;
            long requests = Math.round((isWeekend(day) ? 1_400_000 : 2_000_000) * (1 + 0.5 * years));
            days.add(new DriverDay(day, REQUESTS, CHECKOUT, requests, "requests"));
            days.add(new DriverDay(day, QUERIES, SEARCH_API, Math.round(1_000_000 * (1 - 0.1 * years)), "queries"));
            days.add(new DriverDay(day, DAILY_ACTIVE_USERS, null, Math.round(40_000 * (1 + 0.2 * years)), "users"));
        }
        return days;
    }

    /** The sum of the effective cost of the lines from {@code from} to {@code to} (both included) that {@code which}. */
    static BigDecimal effective(LocalDate from, LocalDate to, Predicate<Line> which) {
        return lines().stream()
                .filter(line -> !line.day().isBefore(from) && !line.day().isAfter(to) && which.test(line))
                .map(Line::effectiveCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static void writeFiles(Path folder) {
        write(
                folder.resolve("services.csv"),
                List.of(
                        "service,team,org,tier",
                        CHECKOUT + "," + PAYMENTS + "," + COMMERCE + ",critical",
                        LEDGER + "," + PAYMENTS + "," + COMMERCE + ",critical",
                        SEARCH_API + "," + SEARCH + "," + COMMERCE + ",standard",
                        WAREHOUSE + "," + ANALYTICS + "," + INSIGHTS + ",batch"));
        List<String> drivers = new ArrayList<>();
        drivers.add("date,driver,service,value,unit");
        for (DriverDay day : drivers()) {
            drivers.add(String.join(
                    ",",
                    day.day().toString(),
                    day.driver(),
                    day.service() == null ? "" : day.service(),
                    String.valueOf(day.value()),
                    day.unit()));
        }
        write(folder.resolve("drivers.csv"), drivers);
        List<String> costs = new ArrayList<>();
        costs.add("BilledCost,EffectiveCost,BillingCurrency,BillingAccountId,BillingPeriodStart,BillingPeriodEnd,"
                + "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,RegionId,ResourceName,ServiceName,"
                + "SkuId,Tags");
        for (Line line : lines()) {
            LocalDate month = line.day().withDayOfMonth(1);
            costs.add(String.join(
                    ",",
                    line.billedCost().toPlainString(),
                    line.effectiveCost().toPlainString(),
                    CURRENCY,
                    "acct-1",
                    month + "T00:00:00Z",
                    month.plusMonths(1) + "T00:00:00Z",
                    line.day() + "T00:00:00Z",
                    line.day().plusDays(1) + "T00:00:00Z",
                    "Usage",
                    "TestCloud",
                    "us-east-1",
                    line.resourceName(),
                    "Compute",
                    "m6i.large",
                    line.tags().isEmpty() ? "" : "\"" + line.tags().replace("\"", "\"\"") + "\""));
        }
        write(folder.resolve("costs.csv"), costs);
        List<String> budgets = new ArrayList<>();
        budgets.add("team,period,amount,currency");
        for (List<String> budget : BUDGETS) {
            budgets.add(String.join(",", budget) + "," + CURRENCY);
        }
        write(folder.resolve("budgets.csv"), budgets);
    }

    /** An application on a new store in {@code folder}, loaded with these services, drivers, cost lines and budgets. */
    static FleetcastApp loadedApp(Path folder) {
        return TestApps.loadedApp(folder, TestCostData::writeFiles);
    }
}
