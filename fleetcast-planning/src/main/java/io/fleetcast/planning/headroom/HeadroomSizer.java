package io.fleetcast.planning.headroom;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * Sizes the headroom of one cluster and resource for a target service level p over the lead time L.
 *
 * <p>The statistical part: the shortfall over L is the demand forecast error E (the backtest sample, not an assumed
 * distribution) plus the supply lost X (servers that fail, each independently with its probability over L, plus the
 * capacity of orders promised within L that slip past it). E and X are combined by convolution: every error is added
 * to every one of {@code supplyDraws} seeded Monte Carlo draws of X, and the buffer is the p-quantile of those sums. This
 * joint quantile is smaller than the sum of the two stand-alone quantiles when both vary, because their bad cases
 * rarely meet.
 *
 * <p>The errors are a sample, so their p-quantile is uncertain. The forecast-error amount is therefore the order
 * statistic of the errors that reaches the p-quantile of the error distribution with confidence γ: the
 * distribution-free tolerance bound of Wilks (1941), Determination of sample sizes for setting tolerance limits, Ann.
 * Math. Statist. 12(1), 91-96; Hahn and Meeker, Statistical Intervals (1991), section 5.3. It is the r-th smallest of
 * the n errors, r the smallest rank with {@code P(Binomial(n, p) ≤ r − 1) ≥ γ}. A level of 0.99 with γ = 0.9 needs at
 * least 230 errors (1 − 0.99ⁿ ≥ 0.9); with fewer the largest is used and a note says so. For the convolution the
 * errors carry the same allowance: the i-th smallest of them is given the cumulative probability of the (1 − γ)
 * quantile of Beta(i, n + 1 − i), the distribution of the true cumulative probability at the i-th order statistic, and
 * the probability left over goes to the largest error. That conservative distribution does not depend on p, so the
 * joint quantile grows with p, and without supply risk its p-quantile is exactly the tolerance bound above. The
 * chance that an order is late is learned from a sample too: it is taken at its upper γ confidence bound (see {@link
 * OrderInFlight#lateProbabilityBound}). Server failure probabilities come as numbers; pass an upper bound from the
 * reliability fit to give them the same allowance. The supply loss's own quantile is the plain p-quantile of its
 * draws.
 *
 * <p>The deterministic parts compose on top, in this order, each shown as the capacity it adds:
 *
 * <ol>
 *   <li>load = P50 demand + statistical buffer + disaster-recovery reserve (added);
 *   <li>utilization ceiling u: capacity = load / u;
 *   <li>maintenance fraction m: capacity / (1 − m);
 *   <li>failure domains, N + k: capacity / (1 − s), s the share of the k largest domains, so that what is left after
 *       losing them still carries the load at the ceiling with maintenance under way.
 * </ol>
 *
 * Supply losses are treated like load, so the ceiling and the reserves also apply to them; that errs on the safe side
 * by at most (1 / (u (1 − m) (1 − s)) − 1) times the supply loss. The result's {@code supplyNeeded} is the last
 * capacity; the total buffer is it minus P50 demand.
 */
public final class HeadroomSizer {
    /** Binomial tail left out of a failure table: far beyond any service level one asks for. */
    private static final double TAIL = 1e-12;

    /** {@link #conservativeCumulative}'s arrays kept, at most this many. */
    private static final int MAX_CUMULATIVES = 256;

    private static final Map<Cumulative, double[]> CUMULATIVES = new ConcurrentHashMap<>();

    private HeadroomSizer() {}

    /** Sizes the headroom {@code request} asks for. Deterministic: the same request gives the same result. */
    public static HeadroomSizing size(HeadroomRequest request) {
        double p = request.serviceLevel();
        String unit = request.unit();
        double demandP50 = request.demandP50();
        List<String> notes = new ArrayList<>();
        ForecastErrors errors = request.forecastErrors();
        double[] demandErrors = errors.sortedAmounts(demandP50);
        int n = demandErrors.length;
        int rank = toleranceRank(n, p, request.confidence());
        boolean tooFew = rank > n;
        if (tooFew) {
            rank = n;
            notes.add(String.format(
                    Locale.ROOT,
                    "%d forecast errors are too few to reach a %s service level with %s confidence: the largest is"
                            + " used, which reaches it with %s confidence; %d errors are needed",
                    n,
                    percent(p),
                    percent(request.confidence()),
                    percent(1 - Math.pow(p, n)),
                    errorsNeeded(p, request.confidence())));
        }
        if (errors.horizon() != request.leadTimeDays()) {
            notes.add(String.format(
                    Locale.ROOT,
                    "the forecast errors are %d days ahead, the lead time is %d days",
                    errors.horizon(),
                    request.leadTimeDays()));
        }
        double demandAlone = demandErrors[rank - 1];

        SupplyRisk risk = SupplyRisk.of(request);
        notes.addAll(risk.notes());
        double supplyAlone = 0;
        double statistical = demandAlone;
        int draws = 0;
        if (risk.isPresent()) {
            draws = request.supplyDraws();
            double[] losses = risk.draw(draws, new SplittableRandom(request.seed()));
            Arrays.sort(losses);
            supplyAlone = losses[nearestRank(draws, p) - 1];
            statistical = jointQuantile(demandErrors, conservativeCumulative(n, request.confidence()), losses, p);
        }
        if (statistical < 0) {
            notes.add("the forecast errs high at this level: the statistical buffer is negative");
        }

        String levelText = percent(p);
        String target = tooFew
                ? String.format(
                        Locale.ROOT,
                        "the %s quantile with only %s confidence (%s needs %d errors)",
                        percent(p),
                        percent(1 - Math.pow(p, n)),
                        percent(request.confidence()),
                        errorsNeeded(p, request.confidence()))
                : String.format(
                        Locale.ROOT, "the %s quantile with %s confidence", percent(p), percent(request.confidence()));
        List<HeadroomComponent> components = new ArrayList<>();
        components.add(new HeadroomComponent(
                "forecast_error",
                demandAlone,
                false,
                "stand-alone " + levelText + " quantile, " + percent(request.confidence()) + " confidence",
                String.format(
                        Locale.ROOT,
                        "error %d of %d backtest errors %d days ahead (%s, %s), which reaches %s: %s %s above the"
                                + " P50 forecast",
                        rank,
                        n,
                        errors.horizon(),
                        errors.method(),
                        errors.form().name().toLowerCase(Locale.ROOT),
                        target,
                        number(demandAlone),
                        unit)));
        components.add(new HeadroomComponent(
                "supply_variance",
                supplyAlone,
                false,
                "stand-alone " + levelText + " quantile",
                risk.isPresent()
                        ? String.format(
                                Locale.ROOT,
                                "%s of %d draws lose at most %s %s in %d days (expected %s %s; %s)",
                                levelText,
                                draws,
                                number(supplyAlone),
                                unit,
                                request.leadTimeDays(),
                                number(risk.expectedLoss()),
                                unit,
                                risk.describe(unit))
                        : "no installed servers that may fail and no orders that may slip were given"));
        components.add(new HeadroomComponent(
                "statistical",
                statistical,
                true,
                "joint " + levelText + " quantile",
                String.format(
                        Locale.ROOT,
                        "forecast error plus supply loss, drawn together: %s %s at %s (the stand-alone amounts add up"
                                + " to %s %s)",
                        number(statistical),
                        unit,
                        levelText,
                        number(demandAlone + supplyAlone),
                        unit)));

        double reserve = request.disasterRecovery().reserve(demandP50);
        components.add(new HeadroomComponent(
                "disaster_recovery",
                reserve,
                true,
                "added",
                reserve == 0
                        ? "no disaster-recovery reserve was asked for"
                        : String.format(
                                Locale.ROOT,
                                "%s %s held for failover (%s %s fixed + %s of P50 demand)",
                                number(reserve),
                                unit,
                                number(request.disasterRecovery().amount()),
                                unit,
                                percent(request.disasterRecovery().fractionOfDemand()))));

        double load = demandP50 + statistical + reserve;
        double ceiling = request.utilizationCeiling();
        double atCeiling = load / ceiling;
        components.add(new HeadroomComponent(
                "utilization_ceiling",
                atCeiling - load,
                true,
                "÷ " + number(ceiling),
                String.format(
                        Locale.ROOT,
                        "a load of %s %s may use at most %s of capacity: %s %s",
                        number(load),
                        unit,
                        percent(ceiling),
                        number(atCeiling),
                        unit)));

        double maintenance = request.maintenanceFraction();
        double withMaintenance = atCeiling / (1 - maintenance);
        components.add(new HeadroomComponent(
                "maintenance",
                withMaintenance - atCeiling,
                true,
                "÷ (1 − " + number(maintenance) + ")",
                String.format(
                        Locale.ROOT,
                        "%s of capacity is out for maintenance at any time: %s %s",
                        percent(maintenance),
                        number(withMaintenance),
                        unit)));

        double lostShare = largestShares(request.failureDomains(), request.domainsToSurvive());
        double withDomains = withMaintenance / (1 - lostShare);
        components.add(new HeadroomComponent(
                "failure_domains",
                withDomains - withMaintenance,
                true,
                "N+" + request.domainsToSurvive() + ": ÷ (1 − " + number(lostShare) + ")",
                request.domainsToSurvive() == 0
                        ? "no failure domain needs to be survived"
                        : String.format(
                                Locale.ROOT,
                                "the %d largest of %d failure domains hold %s of capacity; the rest must carry it all: "
                                        + "%s %s",
                                request.domainsToSurvive(),
                                request.failureDomains().size(),
                                percent(lostShare),
                                number(withDomains),
                                unit)));

        double totalBuffer = withDomains - demandP50;
        return new HeadroomSizing(
                unit,
                p,
                request.leadTimeDays(),
                demandP50,
                ImmutableList.copyOf(components),
                totalBuffer,
                withDomains,
                FlatRuleComparison.of(request.flatRuleFraction(), demandP50, totalBuffer),
                new HeadroomSizing.Method(
                        errors.method(),
                        errors.form().name(),
                        n,
                        errors.horizon(),
                        request.confidence(),
                        rank,
                        draws,
                        request.seed()),
                ImmutableList.copyOf(notes));
    }

    /** How many errors the largest must be of to reach the p-quantile with {@code confidence}: 1 − pⁿ ≥ confidence. */
    private static int errorsNeeded(double p, double confidence) {
        return (int) Math.ceil(Math.log(1 - confidence) / Math.log(p) - 1e-9);
    }

    /**
     * The smallest rank r whose order statistic among n errors is at or above the p-quantile of the error distribution
     * with probability at least γ: {@code P(Binomial(n, p) ≤ r − 1) ≥ γ}, since exactly then fewer than r of the n
     * errors fall below that quantile. {@code n + 1} when even the largest does not reach γ ({@code 1 − pⁿ < γ}).
     */
    static int toleranceRank(int n, double p, double confidence) {
        // The smallest k with P(Binomial(n, p) ≤ k) ≥ γ, by bisection: a pooled sample has thousands of errors.
        return new BinomialDistribution(n, p).inverseCumulativeProbability(confidence) + 1;
    }

    /** {@code ⌈np⌉}, at least 1: the rank of the nearest-rank p-quantile among n values. */
    static int nearestRank(int n, double p) {
        return (int) Math.max(1, Math.ceil(n * p - 1e-9));
    }

    /**
     * The cumulative probability given to each of n sorted errors: the (1 − γ) quantile of Beta(i, n + 1 − i) for the
     * i-th smallest, 1 for the largest.
     */
    static double[] conservativeCumulative(int n, double confidence) {
        // A plan sizes many clusters from pooled samples of the same size: n Beta quantiles each, tens of ms for n in
        // the thousands. Kept per (n, confidence), a few hundred at most; the arrays are only read.
        if (CUMULATIVES.size() > MAX_CUMULATIVES) {
            CUMULATIVES.clear();
        }
        return CUMULATIVES.computeIfAbsent(new Cumulative(n, confidence), key -> computeCumulative(n, confidence));
    }

    private static double[] computeCumulative(int n, double confidence) {
        double[] cumulative = new double[n];
        for (int i = 1; i < n; i++) {
            cumulative[i - 1] = new BetaDistribution(i, n + 1 - i).inverseCumulativeProbability(1 - confidence);
        }
        cumulative[n - 1] = 1;
        return cumulative;
    }

    /**
     * The p-quantile of error + loss, the errors distributed as {@code cumulative} gives (sorted, with the
     * cumulative probability of each) and the losses as their equally likely draws (sorted): the smallest sum z with
     * {@code P(E + X ≤ z) ≥ p}, found by bisection between the smallest and largest sums to a millionth of their range.
     */
    static double jointQuantile(double[] sortedErrors, double[] cumulative, double[] sortedLosses, double p) {
        double low = sortedErrors[0] + sortedLosses[0];
        double high = sortedErrors[sortedErrors.length - 1] + sortedLosses[sortedLosses.length - 1];
        if (jointCumulative(sortedErrors, cumulative, sortedLosses, low) >= p) {
            return low;
        }
        double tolerance = 1e-9 * Math.max(1, high - low);
        while (high - low > tolerance) {
            double middle = low + (high - low) / 2;
            if (jointCumulative(sortedErrors, cumulative, sortedLosses, middle) >= p) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    /**
     * {@code P(E + X ≤ z)}. The errors ascend, so {@code z − error} descends and one sweep down the losses counts those
     * at most it for every error.
     */
    private static double jointCumulative(double[] errors, double[] cumulative, double[] losses, double z) {
        double probability = 0;
        double previous = 0;
        int atMost = losses.length;
        for (int i = 0; i < errors.length; i++) {
            double threshold = z - errors[i];
            while (atMost > 0 && losses[atMost - 1] > threshold) {
                atMost--;
            }
            probability += (cumulative[i] - previous) * atMost / losses.length;
            previous = cumulative[i];
        }
        return probability;
    }

    /** The share of the total weight held by the {@code k} heaviest domains. */
    static double largestShares(List<FailureDomain> domains, int k) {
        if (k == 0) {
            return 0;
        }
        double[] weights =
                domains.stream().mapToDouble(FailureDomain::weight).sorted().toArray();
        double total = Arrays.stream(weights).sum();
        double lost = 0;
        for (int i = weights.length - k; i < weights.length; i++) {
            lost += weights[i];
        }
        return lost / total;
    }

    static String percent(double fraction) {
        return number(100 * fraction) + "%";
    }

    static String number(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        if (rounded == Math.rint(rounded)) {
            return String.format(Locale.ROOT, "%,.0f", rounded);
        }
        return String.format(Locale.ROOT, "%,.2f", rounded).replaceAll("0$", "");
    }

    /** The supply that may be lost within the lead time: failing servers and slipping orders. */
    private static final class SupplyRisk {
        private final List<SupplyPool> pools;
        private final List<double[]> failureTables;
        private final List<OrderInFlight> orders;
        private final double[] lateProbabilities;
        private final int leadTimeDays;
        private final double confidence;
        private final List<String> notes;

        private SupplyRisk(
                List<SupplyPool> pools,
                List<double[]> failureTables,
                List<OrderInFlight> orders,
                double[] lateProbabilities,
                int leadTimeDays,
                double confidence,
                List<String> notes) {
            this.pools = pools;
            this.failureTables = failureTables;
            this.orders = orders;
            this.lateProbabilities = lateProbabilities;
            this.leadTimeDays = leadTimeDays;
            this.confidence = confidence;
            this.notes = notes;
        }

        static SupplyRisk of(HeadroomRequest request) {
            List<SupplyPool> pools = new ArrayList<>();
            List<double[]> tables = new ArrayList<>();
            for (SupplyPool pool : request.pools()) {
                if (pool.servers() > 0 && pool.failureProbability() > 0) {
                    pools.add(pool);
                    tables.add(failureTable(pool.servers(), pool.failureProbability()));
                }
            }
            List<OrderInFlight> orders = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            int beyond = 0;
            for (OrderInFlight order : request.orders()) {
                if (order.promisedInDays() > request.leadTimeDays()) {
                    beyond++;
                } else {
                    orders.add(order);
                }
            }
            if (beyond > 0) {
                notes.add(beyond + " orders promised after the lead time are not counted as supply");
            }
            double[] late = orders.stream()
                    .mapToDouble(order -> order.lateProbabilityBound(request.leadTimeDays(), request.confidence()))
                    .toArray();
            return new SupplyRisk(pools, tables, orders, late, request.leadTimeDays(), request.confidence(), notes);
        }

        boolean isPresent() {
            return !pools.isEmpty() || Arrays.stream(lateProbabilities).anyMatch(late -> late > 0);
        }

        List<String> notes() {
            return notes;
        }

        /** The cumulative binomial probabilities of 0, 1, ... failures, up to where the rest is negligible. */
        private static double[] failureTable(int servers, double probability) {
            BinomialDistribution failures = new BinomialDistribution(servers, probability);
            List<Double> cumulative = new ArrayList<>();
            double sum = 0;
            for (int k = 0; k <= servers && sum < 1 - TAIL; k++) {
                sum += failures.probability(k);
                cumulative.add(sum);
            }
            return cumulative.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** {@code draws} independent draws of the capacity lost within the lead time, in the unit. */
        double[] draw(int draws, SplittableRandom random) {
            double[] losses = new double[draws];
            for (int d = 0; d < draws; d++) {
                double loss = 0;
                for (int i = 0; i < pools.size(); i++) {
                    loss += failed(failureTables.get(i), random.nextDouble())
                            * pools.get(i).capacityPerServer();
                }
                for (int i = 0; i < orders.size(); i++) {
                    if (random.nextDouble() < lateProbabilities[i]) {
                        loss += orders.get(i).capacity();
                    }
                }
                losses[d] = loss;
            }
            return losses;
        }

        /** The smallest count whose cumulative probability exceeds {@code u}; the table's end for the far tail. */
        private static int failed(double[] cumulative, double u) {
            int index = Arrays.binarySearch(cumulative, u);
            int position = index >= 0 ? index + 1 : -index - 1;
            return Math.min(position, cumulative.length - 1);
        }

        double expectedLoss() {
            double loss = 0;
            for (SupplyPool pool : pools) {
                loss += pool.capacity() * pool.failureProbability();
            }
            for (int i = 0; i < orders.size(); i++) {
                loss += orders.get(i).capacity() * lateProbabilities[i];
            }
            return loss;
        }

        String describe(String unit) {
            List<String> parts = new ArrayList<>();
            for (SupplyPool pool : pools) {
                parts.add(String.format(
                        Locale.ROOT,
                        "%s: %,d %s of %s %s, each failing with probability %s",
                        pool.sku(),
                        pool.servers(),
                        pool.servers() == 1 ? "server" : "servers",
                        number(pool.capacityPerServer()),
                        unit,
                        percent(pool.failureProbability())));
            }
            for (int i = 0; i < orders.size(); i++) {
                OrderInFlight order = orders.get(i);
                parts.add(String.format(
                        Locale.ROOT,
                        "order of %s %s %s, promised in %d days, late after %d days in %s of %d past orders, taken as"
                                + " %s (upper %s bound)",
                        number(order.capacity()),
                        unit,
                        order.sku(),
                        order.promisedInDays(),
                        leadTimeDays,
                        percent(order.lateProbability(leadTimeDays)),
                        order.slipDays().count(),
                        percent(lateProbabilities[i]),
                        percent(confidence)));
            }
            return String.join("; ", parts);
        }
    }

    private record Cumulative(int n, double confidence) {}
}
