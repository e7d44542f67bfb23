package io.fleetcast.forecast.arima;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * The stepwise search of Hyndman and Khandakar (2008, section 3.2) with the defaults of R's {@code forecast::auto.arima}
 * 8.20: d by repeated KPSS tests, D by the strength of seasonality; then, from ARIMA(2,d,2)(1,D,1), the null model,
 * (1,d,0)(1,D,0) and (0,d,1)(0,D,1) and the null model without constant, moves to the first neighbour that lowers AICc
 * (seasonal orders first, then regular ones, each by one up or down, alone or with its partner; then the constant
 * switched on or off) until no neighbour improves or 94 models have been tried. Orders are bounded by p, q <= 5 (and
 * below the period when the seasonal part has room), P, Q <= 2 and a third of the series; a constant (mean or drift)
 * is considered when d + D <= 1. Models with a root within 1.01 of the unit circle or an irregular Hessian are
 * rejected.
 *
 * <p>With {@code approximation} (R's default for more than 150 observations or a period above 12), the search scores
 * models by conditional sum of squares, {@code offset + n* log(sigma^2_CSS) + 2k}, the offset making the null model's
 * score equal its likelihood AIC; the best-scoring models are then refitted by maximum likelihood in order of their
 * score until one passes the checks.
 */
final class ArimaSearch {
    static final int MAX_P = 5;
    static final int MAX_Q = 5;
    static final int MAX_SEASONAL_P = 2;
    static final int MAX_SEASONAL_Q = 2;
    static final int MAX_D = 2;
    static final int MAX_MODELS = 94;
    /** stats::arima supports lags up to 350; longer seasonal periods are treated as no seasonality. */
    static final int MAX_PERIOD = 350;

    /** Each neighbour move as changes of p, q, P, Q; seasonal moves first, as in auto.arima. */
    private static final int[][] MOVES = {
        {0, 0, -1, 0}, {0, 0, 0, -1}, {0, 0, 1, 0}, {0, 0, 0, 1},
        {0, 0, -1, -1}, {0, 0, -1, 1}, {0, 0, 1, -1}, {0, 0, 1, 1},
        {-1, 0, 0, 0}, {0, -1, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0},
        {-1, -1, 0, 0}, {-1, 1, 0, 0}, {1, -1, 0, 0}, {1, 1, 0, 0}
    };

    private final double[] y;
    private final int period;
    private final int d;
    private final int seasonalD;
    private final boolean approximation;
    private final boolean useAic;
    private final double offset;
    private final List<Candidate> tried = new ArrayList<>();

    /**
     * One model the search scored: its criterion (AICc, or its CSS approximation), infinite when the fit failed or a
     * root is too close to the unit circle; R's Hessian check is run when the model would become the best, or when the
     * refit reaches it, and sets the criterion to infinity when it fails, as in R.
     */
    private static final class Candidate {
        final int p;
        final int q;
        final int seasonalP;
        final int seasonalQ;
        final boolean constant;
        final int index;
        double criterion;
        final ArimaEstimator.@Nullable Checks checks;
        final @Nullable ArimaFit fit;

        Candidate(
                int[] orders,
                boolean constant,
                int index,
                double criterion,
                ArimaEstimator.@Nullable Checks checks,
                @Nullable ArimaFit fit) {
            this.p = orders[0];
            this.q = orders[1];
            this.seasonalP = orders[2];
            this.seasonalQ = orders[3];
            this.constant = constant;
            this.index = index;
            this.criterion = Double.isNaN(criterion) || checks == null ? Double.POSITIVE_INFINITY : criterion;
            this.checks = checks;
            this.fit = fit;
        }

        /** True when the criterion is finite and R's checks pass; a failed check makes the criterion infinite. */
        boolean passes() {
            if (criterion == Double.POSITIVE_INFINITY) {
                return false;
            }
            if (checks == null || !checks.pass()) {
                criterion = Double.POSITIVE_INFINITY;
                return false;
            }
            return true;
        }

        /** True when this model beats {@code best} (which has passed its checks). */
        boolean improves(Candidate best) {
            return criterion < best.criterion && passes();
        }
    }

    private ArimaSearch(double[] y, int period, int d, int seasonalD, boolean approximation) {
        this.y = y;
        this.period = period;
        this.d = d;
        this.seasonalD = seasonalD;
        this.approximation = approximation;
        this.useAic = y.length <= 3;
        this.offset = approximation ? offset() : 0;
    }

    /** What the search decided: the differencing orders, and the fitted model unless the differenced data are constant. */
    record Outcome(int d, int seasonalD, int period, Optional<ArimaFit> fit) {}

    /**
     * Chooses and fits a model for {@code y} with seasonal period {@code period} (1 for none), as auto.arima does;
     * {@code approximation} as described in the class comment (R's default: {@link #defaultApproximation}).
     */
    static Outcome select(double[] y, int period, boolean approximation) {
        checkArgument(period >= 1, "the period must be >= 1, got %s", period);
        int n = y.length;
        int m = period > MAX_PERIOD ? 1 : period;
        int seasonalD = m == 1 || n <= 2 * m ? 0 : Differencing.seasonalOrder(y, m);
        double[] dx = seasonalD > 0 ? Differencing.difference(y, m) : y;
        int d = Differencing.regularOrder(dx, MAX_D);
        for (int i = 0; i < d; i++) {
            dx = Differencing.difference(dx, 1);
        }
        checkArgument(dx.length > 0, "ARIMA needs more observations than differences; got %s", n);
        if (Differencing.isConstant(dx)) {
            return new Outcome(d, seasonalD, m, Optional.empty());
        }
        ArimaSearch search = new ArimaSearch(y, m, d, seasonalD, approximation);
        return new Outcome(d, seasonalD, m, Optional.of(search.stepwise()));
    }

    /** auto.arima's default: approximate when there are more than 150 observations or the period exceeds 12. */
    static boolean defaultApproximation(int n, int period) {
        return n > 150 || period > 12;
    }

    private ArimaFit stepwise() {
        int n = y.length;
        int maxP = Math.min(MAX_P, n / 3);
        int maxQ = Math.min(MAX_Q, n / 3);
        int maxSeasonalP = period == 1 ? 0 : Math.min(MAX_SEASONAL_P, n / 3 / period);
        int maxSeasonalQ = period == 1 ? 0 : Math.min(MAX_SEASONAL_Q, n / 3 / period);
        if (period > 1) {
            if (maxSeasonalP > 0) {
                maxP = Math.min(maxP, period - 1);
            }
            if (maxSeasonalQ > 0) {
                maxQ = Math.min(maxQ, period - 1);
            }
        }
        boolean constantAllowed = d + seasonalD <= 1;
        boolean constant = constantAllowed;
        int startP = n < 10 ? 1 : 2;
        int startQ = n < 10 ? 1 : 2;
        int startSeasonal = n < 10 ? 0 : 1;
        int p = Math.min(startP, maxP);
        int q = Math.min(startQ, maxQ);
        int sp = Math.min(startSeasonal, maxSeasonalP);
        int sq = Math.min(startSeasonal, maxSeasonalQ);

        Candidate best = score(p, q, sp, sq, constant);
        best.passes();
        Candidate fit = score(0, 0, 0, 0, constant);
        if (fit.improves(best)) {
            best = fit;
            p = q = sp = sq = 0;
        }
        if (maxP > 0 || maxSeasonalP > 0) {
            int ap = maxP > 0 ? 1 : 0;
            int asp = period > 1 && maxSeasonalP > 0 ? 1 : 0;
            fit = score(ap, 0, asp, 0, constant);
            if (fit.improves(best)) {
                best = fit;
                p = ap;
                sp = asp;
                q = sq = 0;
            }
        }
        if (maxQ > 0 || maxSeasonalQ > 0) {
            int mq = maxQ > 0 ? 1 : 0;
            int msq = period > 1 && maxSeasonalQ > 0 ? 1 : 0;
            fit = score(0, mq, 0, msq, constant);
            if (fit.improves(best)) {
                best = fit;
                p = sp = 0;
                q = mq;
                sq = msq;
            }
        }
        if (constant) {
            fit = score(0, 0, 0, 0, false);
            if (fit.improves(best)) {
                best = fit;
                p = q = sp = sq = 0;
            }
        }
        int[] max = {maxP, maxQ, maxSeasonalP, maxSeasonalQ};
        int before = -1;
        search:
        while (before < tried.size() && tried.size() < MAX_MODELS) {
            before = tried.size();
            int[] current = {p, q, sp, sq};
            for (int[] move : MOVES) {
                int[] next = new int[4];
                boolean inRange = true;
                for (int i = 0; i < 4; i++) {
                    next[i] = current[i] + move[i];
                    inRange &= next[i] >= 0 && next[i] <= max[i];
                }
                if (!inRange || isTried(next[0], next[1], next[2], next[3], constant)) {
                    continue;
                }
                if (tried.size() >= MAX_MODELS) {
                    break search;
                }
                fit = score(next[0], next[1], next[2], next[3], constant);
                if (fit.improves(best)) {
                    best = fit;
                    p = next[0];
                    q = next[1];
                    sp = next[2];
                    sq = next[3];
                    continue search;
                }
            }
            if (constantAllowed && !isTried(p, q, sp, sq, !constant) && tried.size() < MAX_MODELS) {
                fit = score(p, q, sp, sq, !constant);
                if (fit.improves(best)) {
                    best = fit;
                    constant = !constant;
                }
            }
        }
        ArimaFit chosen = approximation ? refitBest() : best.criterion < Double.POSITIVE_INFINITY ? best.fit : null;
        if (chosen == null) {
            // R stops with "No suitable ARIMA model found"; the plain differenced model always fits.
            chosen = ArimaEstimator.fit(y, order(0, 0, 0, 0), constantAllowed);
        }
        return chosen;
    }

    private Candidate score(int p, int q, int sp, int sq, boolean constant) {
        ArimaOrder order = order(p, q, sp, sq);
        int[] orders = {p, q, sp, sq};
        int index = tried.size();
        Candidate candidate = new Candidate(orders, constant, index, Double.POSITIVE_INFINITY, null, null);
        if (y.length >= ArimaEstimator.minimumLength(order, constant)) {
            candidate =
                    approximation ? approximate(orders, order, constant, index) : exact(orders, order, constant, index);
        }
        tried.add(candidate);
        return candidate;
    }

    private Candidate exact(int[] orders, ArimaOrder order, boolean constant, int index) {
        Optional<ArimaEstimator.Attempt> attempt = ArimaEstimator.attempt(y, order, constant, false);
        if (attempt.isEmpty()) {
            return new Candidate(orders, constant, index, Double.POSITIVE_INFINITY, null, null);
        }
        ArimaFit fit = attempt.orElseThrow().fit();
        double criterion = useAic ? fit.aic() : fit.aicc();
        return new Candidate(
                orders, constant, index, criterion, attempt.orElseThrow().checks(), fit);
    }

    private Candidate approximate(int[] orders, ArimaOrder order, boolean constant, int index) {
        Optional<ArimaEstimator.ConditionalFit> fit = ArimaEstimator.conditionalFit(y, order, constant);
        if (fit.isEmpty()) {
            return new Candidate(orders, constant, index, Double.POSITIVE_INFINITY, null, null);
        }
        int parameters = order.coefficientCount() + (constant ? 1 : 0) + 1;
        int effective = y.length - order.differencingLength();
        double aic = offset + effective * Math.log(fit.orElseThrow().variance()) + 2.0 * parameters;
        double criterion = useAic ? aic : ArimaFit.correctedAic(aic, parameters, effective);
        return new Candidate(
                orders, constant, index, criterion, fit.orElseThrow().checks(), null);
    }

    /**
     * The models in order of their approximate score (ties, and the models that failed, in the order they were
     * tried, as R's {@code order()} leaves them), refitted by maximum likelihood until one passes the checks. A model
     * whose CSS checks had not been run yet is checked when reached, and goes to the back with the failed ones if it
     * fails.
     */
    private @Nullable ArimaFit refitBest() {
        PriorityQueue<Candidate> queue = new PriorityQueue<>(
                Comparator.comparingDouble((Candidate c) -> c.criterion).thenComparingInt(c -> c.index));
        queue.addAll(tried);
        while (!queue.isEmpty()) {
            Candidate candidate = queue.poll();
            if (candidate.criterion < Double.POSITIVE_INFINITY && !candidate.passes()) {
                queue.add(candidate); // now infinite: back in line with the failed ones
                continue;
            }
            ArimaOrder order = order(candidate.p, candidate.q, candidate.seasonalP, candidate.seasonalQ);
            if (y.length < ArimaEstimator.minimumLength(order, candidate.constant)) {
                continue;
            }
            Candidate refit = exact(
                    new int[] {candidate.p, candidate.q, candidate.seasonalP, candidate.seasonalQ},
                    order,
                    candidate.constant,
                    candidate.index);
            if (refit.passes()) {
                return refit.fit;
            }
        }
        return null;
    }

    /**
     * auto.arima's offset: {@code -2 loglik - n log(sigma^2)} of the maximum-likelihood fit of ARIMA(0,d,0)(0,D,0)
     * (with a mean when undifferenced), so that CSS scores sit on the scale of likelihood AICs. 0 when that fit fails.
     */
    private double offset() {
        ArimaOrder order = order(0, 0, 0, 0);
        boolean mean = d + seasonalD == 0;
        if (y.length < ArimaEstimator.minimumLength(order, mean)) {
            return 0;
        }
        Optional<ArimaEstimator.Attempt> attempt = ArimaEstimator.attempt(y, order, mean, true);
        if (attempt.isEmpty()) {
            return 0;
        }
        ArimaFit fit = attempt.orElseThrow().fit();
        return -2 * fit.logLikelihood() - y.length * Math.log(fit.likelihoodVariance());
    }

    private boolean isTried(int p, int q, int sp, int sq, boolean constant) {
        for (Candidate candidate : tried) {
            if (candidate.p == p
                    && candidate.q == q
                    && candidate.seasonalP == sp
                    && candidate.seasonalQ == sq
                    && candidate.constant == constant) {
                return true;
            }
        }
        return false;
    }

    private ArimaOrder order(int p, int q, int sp, int sq) {
        return period == 1 ? ArimaOrder.of(p, d, q) : new ArimaOrder(p, d, q, sp, seasonalD, sq, period);
    }
}
