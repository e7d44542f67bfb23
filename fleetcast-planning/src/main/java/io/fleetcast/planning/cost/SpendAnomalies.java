package io.fleetcast.planning.cost;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Spend anomalies per team and per service, each explained by what drove it. A team's daily total is searched for
 * spikes ({@link SpikeDetector}); so is each of its services, which finds a spike too small to show in a large team's
 * total. A service spike on a day its team spiked is part of the team's anomaly, not another one. Each anomaly's
 * excess is split, per dimension of the breakdown (service, SKU, region, ...), over that dimension's members by their
 * own excess over their own expected spend; the largest member of each dimension is named.
 */
public final class SpendAnomalies {
    /** The dimension of the breakdown that names services. */
    public static final String SERVICE = "service";

    private SpendAnomalies() {}

    /** A team's daily spend and its breakdown, all on the same days. */
    public static final class TeamSeries {
        private final String team;
        private final double[] total;
        private final ImmutableMap<String, ImmutableMap<String, double[]>> breakdown;

        /**
         * @param team the team
         * @param total its spend per day (kept, not copied)
         * @param breakdown per dimension (e.g. {@link #SERVICE}, {@code "SKU"}, {@code "region"}), per member, its
         *     spend per day
         */
        public TeamSeries(String team, double[] total, ImmutableMap<String, ImmutableMap<String, double[]>> breakdown) {
            this.team = requireNonNull(team, "team is null");
            this.total = requireNonNull(total, "total is null");
            this.breakdown = requireNonNull(breakdown, "breakdown is null");
            for (Map<String, double[]> members : breakdown.values()) {
                for (Map.Entry<String, double[]> member : members.entrySet()) {
                    if (member.getValue().length != total.length) {
                        throw new IllegalArgumentException("the series of " + member.getKey() + " in " + team + " has "
                                + member.getValue().length + " days, the team's has " + total.length);
                    }
                }
            }
        }

        public String team() {
            return team;
        }

        double[] total() {
            return total;
        }

        ImmutableMap<String, ImmutableMap<String, double[]>> breakdown() {
            return breakdown;
        }
    }

    /**
     * What drove an anomaly in one dimension.
     *
     * @param dimension the dimension, e.g. {@code "SKU"}
     * @param name the member with the largest excess
     * @param amount its spend that day
     * @param expected its expected spend that day
     * @param share its excess as a fraction of the anomaly's excess
     */
    public record Driver(String dimension, String name, double amount, double expected, double share) {}

    /**
     * An anomaly.
     *
     * @param team the team
     * @param service the service, for a spike found in one service's spend; null for the team's total
     * @param date the day
     * @param amount the spend that day (the team's, or the service's)
     * @param expected the spend expected that day
     * @param provisional whether too few days have followed to tell a spike from a lasting rise
     * @param drivers the largest contributor per dimension
     * @param explanation for people
     */
    public record Anomaly(
            String team,
            @Nullable String service,
            LocalDate date,
            double amount,
            double expected,
            boolean provisional,
            ImmutableList<Driver> drivers,
            String explanation) {}

    /**
     * The anomalies on days {@code from} onwards of series that start on {@code start}, by date then team.
     *
     * @param currency the currency amounts are in, for the explanations
     */
    public static ImmutableList<Anomaly> find(
            List<TeamSeries> teams, LocalDate start, LocalDate from, SpikeDetector detector, String currency) {
        int first = (int) Math.max(0, ChronoUnit.DAYS.between(start, from));
        List<Anomaly> found = new ArrayList<>();
        for (TeamSeries team : teams) {
            Set<Integer> teamDays = new HashSet<>();
            for (SpikeDetector.Spike spike : detector.detect(team.total(), first)) {
                teamDays.add(spike.day());
                found.add(anomaly(team, null, spike, start, currency));
            }
            Map<String, double[]> services = team.breakdown().getOrDefault(SERVICE, ImmutableMap.of());
            for (Map.Entry<String, double[]> service : services.entrySet()) {
                for (SpikeDetector.Spike spike : detector.detect(service.getValue(), first)) {
                    if (!teamDays.contains(spike.day())) {
                        found.add(anomaly(team, service.getKey(), spike, start, currency));
                    }
                }
            }
        }
        found.sort(Comparator.comparing(Anomaly::date)
                .thenComparing(Anomaly::team)
                .thenComparing(anomaly -> String.valueOf(anomaly.service())));
        return ImmutableList.copyOf(found);
    }

    private static Anomaly anomaly(
            TeamSeries team, @Nullable String service, SpikeDetector.Spike spike, LocalDate start, String currency) {
        int t = spike.day();
        double excess = spike.excess();
        List<Driver> drivers = new ArrayList<>();
        for (Map.Entry<String, ImmutableMap<String, double[]>> dimension :
                team.breakdown().entrySet()) {
            if (service != null && dimension.getKey().equals(SERVICE)) {
                continue;
            }
            Driver best = null;
            for (Map.Entry<String, double[]> member : dimension.getValue().entrySet()) {
                double[] series = member.getValue();
                double amount = series[t];
                double expected = t >= SpikeDetector.WARM_UP_DAYS ? SpikeDetector.expected(series, t) : 0;
                if (best == null || amount - expected > best.amount() - best.expected()) {
                    best = new Driver(
                            dimension.getKey(), member.getKey(), amount, expected, (amount - expected) / excess);
                }
            }
            if (best != null && best.amount() > best.expected()) {
                drivers.add(best);
            }
        }
        LocalDate date = start.plusDays(t);
        String who = service == null ? team.team() : "service " + service + " of " + team.team();
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "%s spent %s on %s, %s more than the %s expected (%.1f×)",
                who,
                money(spike.amount(), currency),
                date,
                money(excess, currency),
                money(spike.expected(), currency),
                spike.expected() > 0 ? spike.amount() / spike.expected() : Double.POSITIVE_INFINITY));
        if (!drivers.isEmpty()) {
            text.append("; driven by ");
            for (int i = 0; i < drivers.size(); i++) {
                Driver driver = drivers.get(i);
                text.append(i == 0 ? "" : ", ")
                        .append(String.format(
                                Locale.ROOT,
                                "%s %s (+%s, %.0f%% of the excess)",
                                driver.dimension(),
                                driver.name(),
                                money(driver.amount() - driver.expected(), currency),
                                100 * driver.share()));
            }
        }
        if (spike.provisional()) {
            text.append("; provisional: too few days since to tell a spike from a lasting rise");
        }
        return new Anomaly(
                team.team(),
                service,
                date,
                spike.amount(),
                spike.expected(),
                spike.provisional(),
                ImmutableList.copyOf(drivers),
                text.toString());
    }

    private static String money(double amount, String currency) {
        return String.format(Locale.ROOT, "%,.2f %s", amount, currency);
    }
}
