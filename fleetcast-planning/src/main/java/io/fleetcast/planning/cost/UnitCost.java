package io.fleetcast.planning.cost;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Cost per unit of a traffic driver, month by month, and its trend. A flow driver (requests, orders) is summed over
 * the month and priced per thousand units, or per million when a thousand cost under a cent; a stock driver (daily active users, devices: its unit says
 * {@code users} or its name {@code active}) is averaged over the month's days and priced per unit, so "per daily
 * active user" is the month's cost over the month's mean DAU. The trend is the slope of a least-squares line through
 * the logarithms of the monthly unit costs, as a fraction per month ({@code 0.02} is 2% dearer each month).
 *
 * @param driver the driver's name
 * @param service the service whose spend is divided, or null for the whole fleet's
 * @param unitLabel what one figure means, e.g. {@code "USD per 1k requests"}
 * @param months the complete months, oldest first
 * @param trendPerMonth the trend, or null with fewer than three months
 * @param explanation for people
 */
public record UnitCost(
        String driver,
        @Nullable String service,
        String unitLabel,
        ImmutableList<Month> months,
        @Nullable Double trendPerMonth,
        String explanation) {
    public UnitCost {
        requireNonNull(driver, "driver is null");
        requireNonNull(unitLabel, "unitLabel is null");
        requireNonNull(months, "months is null");
        requireNonNull(explanation, "explanation is null");
    }

    /**
     * One month.
     *
     * @param month the month
     * @param cost the spend in it
     * @param driverAmount the driver over it: summed for a flow, the daily mean for a stock
     * @param unitCost cost per unit (per thousand or million for a flow, as the label says)
     */
    public record Month(YearMonth month, double cost, double driverAmount, double unitCost) {}

    /**
     * The unit costs of the complete months among the days from {@code start}, given the daily spend and the daily
     * driver values (NaN where the driver has no value). A month counts only if it is wholly inside the days and the
     * driver has a positive value on every one of its days; empty when no month does.
     *
     * @param unit the driver's unit, e.g. {@code requests} or {@code users}
     */
    public static Optional<UnitCost> of(
            String driver,
            @Nullable String service,
            String unit,
            LocalDate start,
            double[] dailyCost,
            double[] dailyDriver,
            String currency) {
        if (dailyCost.length != dailyDriver.length) {
            throw new IllegalArgumentException(
                    "spend has " + dailyCost.length + " days, " + driver + " has " + dailyDriver.length);
        }
        boolean stock = unit.toLowerCase(Locale.ROOT).contains("user")
                || driver.toLowerCase(Locale.ROOT).contains("active");
        List<Month> months = new ArrayList<>();
        LocalDate end = start.plusDays(dailyCost.length - 1L);
        YearMonth month = YearMonth.from(start.getDayOfMonth() == 1 ? start : start.plusMonths(1));
        for (; !month.atEndOfMonth().isAfter(end); month = month.plusMonths(1)) {
            int from = (int) ChronoUnit.DAYS.between(start, month.atDay(1));
            int days = month.lengthOfMonth();
            double cost = 0;
            double amount = 0;
            boolean complete = true;
            for (int d = from; d < from + days; d++) {
                cost += dailyCost[d];
                complete &= dailyDriver[d] > 0;
                amount += complete ? dailyDriver[d] : 0;
            }
            if (!complete) {
                continue;
            }
            double driverAmount = stock ? amount / days : amount;
            months.add(new Month(month, cost, driverAmount, cost / driverAmount));
        }
        if (months.isEmpty()) {
            return Optional.empty();
        }
        double scale = 1;
        String label = currency + " per " + singular(unit) + " (monthly mean)";
        if (!stock) {
            boolean tiny = months.get(months.size() - 1).unitCost() * 1000 < 0.01;
            scale = tiny ? 1_000_000 : 1000;
            label = currency + (tiny ? " per 1M " : " per 1k ") + unit;
            for (int i = 0; i < months.size(); i++) {
                Month m = months.get(i);
                months.set(i, new Month(m.month(), m.cost(), m.driverAmount(), m.unitCost() * scale));
            }
        }
        Double trend = trend(months);
        Month last = months.get(months.size() - 1);
        String text = String.format(
                Locale.ROOT,
                "%s cost %,.2f %s in %s for %,.0f %s%s: %,.4f %s",
                service == null ? "the fleet" : service,
                last.cost(),
                currency,
                last.month(),
                last.driverAmount(),
                unit,
                stock ? " on average a day" : "",
                last.unitCost(),
                label);
        if (trend != null) {
            text += String.format(
                    Locale.ROOT,
                    "; over %d months the unit cost %s %.1f%% a month",
                    months.size(),
                    trend >= 0 ? "rose" : "fell",
                    100 * Math.abs(trend));
        }
        return Optional.of(new UnitCost(driver, service, label, ImmutableList.copyOf(months), trend, text));
    }

    /** The least-squares slope of log unit cost against month, as a fraction per month; null under three months. */
    private static @Nullable Double trend(List<Month> months) {
        int n = months.size();
        if (n < 3) {
            return null;
        }
        double meanX = (n - 1) / 2.0;
        double meanY = 0;
        for (Month month : months) {
            meanY += Math.log(month.unitCost());
        }
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - meanX) * (Math.log(months.get(i).unitCost()) - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        return Math.expm1(sxy / sxx);
    }

    private static String singular(String unit) {
        return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }
}
