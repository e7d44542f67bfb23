package io.fleetcast.forecast.regression;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.forecast.linear.Cholesky;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to fit the decomposable regression: the scale, the trend's candidate changepoints, the Fourier seasonalities.
 *
 * <p>The model, on the chosen scale z = y, log y or logit(y / cap):
 *
 * <pre>
 *   z(t) = a + b t + Σⱼ δⱼ (t − sⱼ)₊ + Σ_seasons Σₖ (cₖ sin(2πkt/P) + dₖ cos(2πkt/P)) + Σᵣ βᵣ xᵣ(t) + ε(t)
 * </pre>
 *
 * with t the step index scaled to [0, 1] over the training window, {@code changepoints} candidate changepoints sⱼ (at
 * most one per four observations)
 * spread evenly over its first {@code changepointRange} (0.8: the last fifth is too recent to tell a new slope from
 * noise), and xᵣ the regressors (drivers as logarithms on the log scale). The slope changes δⱼ carry a ridge penalty
 * λ Σ δⱼ² with λ chosen from a grid by generalised cross-validation (Golub, Heath and Wahba 1979), so most changepoints
 * end up with almost no effect; Fourier coefficients carry a tiny penalty for numerical stability, or, for a season
 * with a prior ({@link Season#withPrior}), the ridge penalty of a normal prior N(0, τ²) on each coefficient (the MAP
 * estimate), so that a few months of data split a rise between trend and a yearly swing as large as swings usually
 * are; level, slope and regressors none. Ahead, the trend goes on with its last slope. A model without a trend
 * ({@link #withoutTrend}) has no slope b and no changepoints: its level moves only with its regressors, as for a series
 * that follows its traffic driver.
 *
 * @param scale the scale the model is linear on
 * @param cap the capacity ceiling for {@link Scale#LOGISTIC}; ignored otherwise
 * @param seasons Fourier seasonalities: period in steps (need not be whole, e.g. 365.25) and order
 * @param trend whether the model has a slope (false: growth comes from the regressors alone)
 */
public record RegressionModel(
        Scale scale,
        double cap,
        int changepoints,
        double changepointRange,
        ImmutableList<Season> seasons,
        boolean trend) {

    /** The scale the model is linear on. */
    public enum Scale {
        /** Effects add up, in the series' unit. */
        ADDITIVE,
        /** Effects multiply (the model is linear in log y): growth rates, lifts, elasticities. Values must be positive. */
        MULTIPLICATIVE,
        /**
         * Growth saturates at a ceiling (the model is linear in logit(y / cap)): demand approaching a known capacity or
         * market size. Values must lie strictly between 0 and the cap.
         */
        LOGISTIC
    }

    /**
     * A Fourier seasonality: {@code order} sine-cosine pairs of period {@code period} steps, each coefficient with a
     * normal prior of mean 0 and standard deviation {@code priorSd} on the model's scale (infinite: none).
     */
    public record Season(double period, int order, double priorSd) {
        public Season {
            checkArgument(period >= 2, "a seasonal period must be at least 2 steps, got %s", period);
            checkArgument(
                    order >= 1 && 2 * order <= period,
                    "the Fourier order must be between 1 and period / 2, got %s",
                    order);
            checkArgument(priorSd > 0, "a seasonal prior's standard deviation must be positive, got %s", priorSd);
        }

        /** A seasonality without a prior. */
        public Season(double period, int order) {
            this(period, order, Double.POSITIVE_INFINITY);
        }

        /**
         * This seasonality with a prior N(0, {@code sd}²) on each coefficient. Its ridge weight is the residual
         * variance of the fit without it, inflated by (1 + ρ) / (1 − ρ) for the residuals' lag-one autocorrelation ρ
         * (slow components are known only that well), over {@code sd}².
         */
        public Season withPrior(double sd) {
            return new Season(period, order, sd);
        }

        boolean hasPrior() {
            return Double.isFinite(priorSd);
        }
    }

    /** The name of the regressor a kept trend change enters as. */
    public static final String TREND_CHANGE = "trend change";

    /** The ridge penalties tried for the changepoints, relative to the number of observations. */
    private static final double[] PENALTY_GRID = {0.001, 0.01, 0.1, 1, 10, 100, 1000};
    /** The penalty on Fourier coefficients, relative to the number of observations. */
    private static final double FOURIER_PENALTY = 1e-6;

    public RegressionModel {
        requireNonNull(scale, "scale is null");
        checkArgument(scale != Scale.LOGISTIC || cap > 0, "a logistic trend needs a positive cap, got %s", cap);
        checkArgument(changepoints >= 0, "the number of changepoints must not be negative, got %s", changepoints);
        checkArgument(
                changepointRange > 0 && changepointRange <= 1,
                "the changepoint range must be in (0, 1], got %s",
                changepointRange);
        checkArgument(trend || changepoints == 0, "a model without a trend has no changepoints, got %s", changepoints);
        seasons = ImmutableList.copyOf(seasons);
    }

    /** On the given scale, with 25 candidate changepoints in the first 80% of the data and the given seasonalities. */
    public static RegressionModel of(Scale scale, Season... seasons) {
        return new RegressionModel(scale, 0, 25, 0.8, ImmutableList.copyOf(seasons), true);
    }

    /** A saturating trend below {@code cap}, with the default changepoints and the given seasonalities. */
    public static RegressionModel logistic(double cap, Season... seasons) {
        return new RegressionModel(Scale.LOGISTIC, cap, 25, 0.8, ImmutableList.copyOf(seasons), true);
    }

    /** This model with {@code count} candidate changepoints (0 for a straight trend). */
    public RegressionModel withChangepoints(int count) {
        return new RegressionModel(scale, cap, count, changepointRange, seasons, trend);
    }

    /** This model without a slope or changepoints: the series moves only with its regressors and seasons. */
    public RegressionModel withoutTrend() {
        return new RegressionModel(scale, cap, 0, changepointRange, seasons, false);
    }

    /**
     * Fits {@code values} with {@code regressors} (each covering at least the observations).
     *
     * @throws IllegalArgumentException when a value does not suit the scale, a regressor is too short, or there are
     *     fewer observations than coefficients
     */
    public RegressionFit fit(double[] values, List<Regressor> regressors) {
        return fit(values, regressors, 0);
    }

    /**
     * Fits {@code values} with {@code regressors}, then again without the events whose coefficient is less than
     * {@code eventT} standard errors ({@link RegressionFit#standardError}) from 0; events the window does not show stay
     * (they add nothing). The second fit reuses the first's design rows. {@code eventT} = 0 keeps every event.
     *
     * @throws IllegalArgumentException as {@link #fit(double[], List)}, or when {@code eventT} is negative
     */
    public RegressionFit fit(double[] values, List<Regressor> regressors, double eventT) {
        return fit(values, regressors, eventT, new DesignCache());
    }

    /**
     * As {@link #fit(double[], List, double)}, sharing what fits of the same model can share through {@code cache}.
     */
    public RegressionFit fit(double[] values, List<Regressor> regressors, double eventT, DesignCache cache) {
        requireNonNull(cache, "cache is null");
        checkArgument(eventT >= 0, "the events' t threshold must not be negative, got %s", eventT);
        Design design = design(values.length, regressors, cache);
        return fit(scaled(values), design.rows(0, values.length), design, eventT, cache)
                .fit();
    }

    /** A fit with its design's rows of the observations. */
    private static final class FitRows {
        private final RegressionFit fit;
        private final double[][] rows;

        FitRows(RegressionFit fit, double[][] rows) {
            this.fit = fit;
            this.rows = rows;
        }

        RegressionFit fit() {
            return fit;
        }

        double[][] rows() {
            return rows;
        }
    }

    /** The design of {@code n} observations with {@code regressors}, checked against them. */
    private Design design(int n, List<Regressor> regressors, DesignCache cache) {
        for (Regressor regressor : regressors) {
            checkArgument(
                    regressor.length() >= n,
                    "regressor %s covers %s steps; it must cover the %s observations",
                    regressor.name(),
                    regressor.length(),
                    n);
        }
        Design design = new Design(this, n, regressors, cache);
        int p = design.columns();
        checkArgument(
                n > p + 1,
                "the regression has %s coefficients and needs more than %s observations, got %s",
                p,
                p + 1,
                n);
        return design;
    }

    /** The observations on the model's scale. */
    private double[] scaled(double[] values) {
        double[] z = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            z[t] = toScale(values[t], t);
        }
        return z;
    }

    /** The fit of {@code z} (on the model's scale) on {@code design}, whose rows of the observations are {@code rows}. */
    private FitRows fit(double[] z, double[][] rows, Design design, double eventT, DesignCache cache) {
        int n = z.length;
        int p = design.columns();
        List<Regressor> regressors = design.regressors();
        double[] moment = new double[p];
        for (int t = 0; t < n; t++) {
            double[] row = rows[t];
            for (int i = 0; i < p; i++) {
                moment[i] += row[i] * z[t];
            }
        }
        double[][] gram = new double[p][p];
        // The fixed columns' block is the same for every window of n steps (the cache keeps it). Each regressor's row
        // of the lower triangle is summed in order over the steps where the regressor is not 0 (an event's few days):
        // the terms left out are zeros, so the sums are the same to the bit.
        int fixed = design.regressorColumn(0);
        double[][] block = cache.fixedBlock(this, rows, fixed);
        for (int i = 0; i < fixed; i++) {
            System.arraycopy(block[i], 0, gram[i], 0, i + 1);
        }
        for (int i = fixed; i < p; i++) {
            double[] line = gram[i];
            for (int t = 0; t < n; t++) {
                double[] row = rows[t];
                double value = row[i];
                if (value != 0) {
                    for (int j = 0; j <= i; j++) {
                        line[j] += value * row[j];
                    }
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                gram[i][j] = gram[j][i];
            }
        }
        Solution best = best(gram, moment, rows, z, design);
        checkArgument(best != null, "the regression's design is singular: a regressor repeats another or is constant");
        RegressionFit fit = new RegressionFit(
                this, design, best.coefficients, best.sigma, best.autocorrelation, best.inverse, best.penalty, n);
        if (eventT == 0) {
            return new FitRows(fit, rows);
        }
        double[] errors = fit.standardErrors(rows);
        List<Regressor> kept = new ArrayList<>();
        // The columns that stay: level, slope, changepoints and Fourier terms, then the kept regressors'.
        int[] columns = new int[p];
        int width = design.regressorColumn(0);
        for (int i = 0; i < width; i++) {
            columns[i] = i;
        }
        for (int i = 0; i < regressors.size(); i++) {
            Regressor regressor = regressors.get(i);
            boolean shown = Double.isNaN(errors[i])
                    || Math.abs(best.coefficients[design.regressorColumn(i)]) >= eventT * errors[i];
            if (regressor.kind() != Regressor.Kind.EVENT || shown) {
                kept.add(regressor);
                columns[width++] = design.regressorColumn(i);
            }
        }
        if (kept.size() == regressors.size()) {
            return new FitRows(fit, rows);
        }
        Design reduced = new Design(this, n, kept, cache);
        double[][] keptRows = new double[n][width];
        for (int row = 0; row < n; row++) {
            for (int i = 0; i < width; i++) {
                keptRows[row][i] = rows[row][columns[i]];
            }
        }
        double[][] keptGram = new double[width][width];
        double[] keptMoment = new double[width];
        for (int i = 0; i < width; i++) {
            keptMoment[i] = moment[columns[i]];
            for (int j = 0; j < width; j++) {
                keptGram[i][j] = gram[columns[i]][columns[j]];
            }
        }
        Solution second = best(keptGram, keptMoment, keptRows, z, reduced);
        checkArgument(second != null, "the regression's design is singular without the events it does not show");
        return new FitRows(
                new RegressionFit(
                        this,
                        reduced,
                        second.coefficients,
                        second.sigma,
                        second.autocorrelation,
                        second.inverse,
                        second.penalty,
                        n),
                keptRows);
    }

    /**
     * As {@link #fit(double[], List, double)}, then looks for one change of the trend's slope where {@code scan} says.
     * Each candidate's coefficient and standard error come from the first fit's residuals (Frisch–Waugh: the change's
     * column less its projection on the other columns), with the residuals taken as AR(1). The largest, when at least
     * {@code scan.t()} errors from none, joins the regressors ({@link Regressor#trendChange}, named {@value
     * #TREND_CHANGE}) and the series is fitted again. A model without a trend, with changepoints or with seasonal priors
     * is not scanned.
     *
     * @param length the steps the change's regressor must cover: the observations and the horizon to forecast
     */
    public RegressionFit fit(
            double[] values, List<Regressor> regressors, double eventT, TrendChangeScan scan, int length) {
        return fit(values, regressors, eventT, scan, length, new DesignCache());
    }

    /**
     * As {@link #fit(double[], List, double, TrendChangeScan, int)}, sharing what fits of the same model can share
     * through {@code cache}.
     */
    public RegressionFit fit(
            double[] values,
            List<Regressor> regressors,
            double eventT,
            TrendChangeScan scan,
            int length,
            DesignCache cache) {
        requireNonNull(cache, "cache is null");
        checkArgument(eventT >= 0, "the events' t threshold must not be negative, got %s", eventT);
        int n = values.length;
        Design given = design(n, regressors, cache);
        double[] z = scaled(values);
        double[][] rows = given.rows(0, n);
        FitRows first = fit(z, rows, given, eventT, cache);
        RegressionFit fit = first.fit();
        // The fit may have dropped events: the scan works on its own design's rows.
        Design design = fit.design();
        if (!trend || design.changepointColumns() > 0 || design.hasPriors() || n < scan.before() + scan.after() + 2) {
            return fit;
        }
        double[][] fitted = first.rows();
        double[] residuals = new double[n];
        double squares = 0;
        double mean = 0;
        for (int t = 0; t < n; t++) {
            residuals[t] = z[t] - fit.linear(fitted[t]);
            squares += residuals[t] * residuals[t];
            mean += z[t] / n;
        }
        double spread = 0;
        for (double value : z) {
            spread += (value - mean) * (value - mean);
        }
        if (squares <= 1e-12 * spread) {
            // Fitted to rounding: there is no change to find, only rounding to mistake for one.
            return fit;
        }
        int step = largestChange(fitted, residuals, squares, fit.inverse(), fit.autocorrelation(), scan);
        if (step < 0) {
            return fit;
        }
        List<Regressor> changed = new ArrayList<>(regressors);
        changed.add(Regressor.trendChange(TREND_CHANGE, step, n, Math.max(length, n)));
        Design refit = design(n, changed, cache);
        return fit(z, refit.appended(rows), refit, eventT, cache).fit();
    }

    /**
     * The step of the largest change of slope at least {@code scan.t()} standard errors from none, or −1. For a
     * candidate with column x, c = X′x and A = {@code inverse}: x less its projection on the fit's columns has x′x −
     * c′Ac as its square and x′e − c′A X′e as its product with the residuals e, so the change's coefficient is their
     * ratio. Its variance is σ² (1 + ρ) / (1 − ρ) over that square, σ² the residual variance with it in the model: the
     * column is smooth, and AR(1) residuals of lag-one correlation ρ weigh a smooth column by that long-run factor. The
     * sums over the days after each candidate are carried from the last candidate back, so a scan costs a few passes
     * over the rows rather than one per candidate (the headroom's backtests refit every service many times).
     */
    private static int largestChange(
            double[][] rows, double[] residuals, double squares, double[][] inverse, double rho, TrendChangeScan scan) {
        int n = rows.length;
        int p = inverse.length;
        double scale = n - 1;
        double inflation = (1 + Math.min(rho, 0.99)) / (1 - Math.min(rho, 0.99));
        double[] residualCross = new double[p];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < p; i++) {
                residualCross[i] += rows[t][i] * residuals[t];
            }
        }
        // Sums over the days after the candidate: of the rows, of t times the rows, of 1, t and t², of e and t e.
        double[] rowSum = new double[p];
        double[] timedRowSum = new double[p];
        double count = 0;
        double timeSum = 0;
        double squaredTimeSum = 0;
        double residualSum = 0;
        double timedResidualSum = 0;
        double[] cross = new double[p];
        double[] projected = new double[p];
        int first = scan.before();
        int last = n - 1 - scan.after();
        int bestStep = -1;
        double bestT = 0;
        int t = n - 1;
        for (int step = first + (last - first) / TrendChangeScan.STEP * TrendChangeScan.STEP;
                step >= first;
                step -= TrendChangeScan.STEP) {
            for (; t > step; t--) {
                for (int i = 0; i < p; i++) {
                    rowSum[i] += rows[t][i];
                    timedRowSum[i] += t * rows[t][i];
                }
                count++;
                timeSum += t;
                squaredTimeSum += (double) t * t;
                residualSum += residuals[t];
                timedResidualSum += t * residuals[t];
            }
            for (int i = 0; i < p; i++) {
                cross[i] = (timedRowSum[i] - step * rowSum[i]) / scale;
            }
            double quadratic = 0;
            double along = 0;
            for (int i = 0; i < p; i++) {
                double sum = 0;
                for (int j = 0; j < p; j++) {
                    sum += inverse[i][j] * cross[j];
                }
                projected[i] = sum;
                quadratic += cross[i] * sum;
                along += sum * residualCross[i];
            }
            double own = (squaredTimeSum - 2.0 * step * timeSum + (double) step * step * count) / (scale * scale)
                    - quadratic;
            double shared = (timedResidualSum - step * residualSum) / scale - along;
            if (!(own > 1e-12)) {
                continue;
            }
            double coefficient = shared / own;
            double variance = (squares - coefficient * coefficient * own) / Math.max(1, n - p - 1);
            double error = Math.sqrt(Math.max(0, variance) * inflation / own);
            double statistic = error > 0 ? coefficient / error : 0;
            if (Math.abs(statistic) > Math.abs(bestT)) {
                bestT = statistic;
                bestStep = step;
            }
        }
        return bestStep >= 0 && Math.abs(bestT) >= scan.t() ? bestStep : -1;
    }

    /**
     * The solution at the changepoint penalty (from the grid) with the least GCV; null when none solves. Seasons with a
     * prior are fitted twice: first without it, for the residual variance that weighs the prior.
     */
    private static @Nullable Solution best(
            double[][] gram, double[] moment, double[][] rows, double[] z, Design design) {
        Solution free = best(gram, moment, rows, z, design, 0);
        if (free == null || !design.hasPriors()) {
            return free;
        }
        double rho = free.autocorrelation;
        double variance = free.sigma * free.sigma * (1 + rho) / (1 - rho);
        Solution prior = best(gram, moment, rows, z, design, variance);
        return prior != null ? prior : free;
    }

    /** {@link #best(double[][], double[], double[][], double[], Design)} with the priors weighed by {@code variance}. */
    private static @Nullable Solution best(
            double[][] gram, double[] moment, double[][] rows, double[] z, Design design, double variance) {
        Solution best = null;
        for (double relative : design.changepointColumns() > 0 ? PENALTY_GRID : new double[] {0}) {
            Solution solution = solve(gram, moment, rows, z, design, relative * z.length, variance)
                    .orElse(null);
            if (solution != null && (best == null || solution.gcv < best.gcv)) {
                best = solution;
            }
        }
        return best;
    }

    /** The value on the model's scale. */
    double toScale(double value, int t) {
        return switch (scale) {
            case ADDITIVE -> value;
            case MULTIPLICATIVE -> {
                checkArgument(
                        value > 0,
                        "observation %s is %s; a multiplicative model needs positive values",
                        (Object) (t + 1),
                        value);
                yield Math.log(value);
            }
            case LOGISTIC -> {
                checkArgument(
                        value > 0 && value < cap,
                        "observation %s is %s; a logistic trend needs values between 0 and the cap %s",
                        t + 1,
                        value,
                        cap);
                yield Math.log(value / (cap - value));
            }
        };
    }

    /** A value on the model's scale, back on the series' scale. */
    double fromScale(double z) {
        return switch (scale) {
            case ADDITIVE -> z;
            case MULTIPLICATIVE -> Math.exp(z);
            case LOGISTIC -> cap / (1 + Math.exp(-z));
        };
    }

    /** The fit at one changepoint penalty. */
    private static final class Solution {
        final double[] coefficients;
        final double sigma;
        final double autocorrelation;
        final double[][] inverse;
        final double penalty;
        final double gcv;

        Solution(
                double[] coefficients,
                double sigma,
                double autocorrelation,
                double[][] inverse,
                double penalty,
                double gcv) {
            this.coefficients = coefficients;
            this.sigma = sigma;
            this.autocorrelation = autocorrelation;
            this.inverse = inverse;
            this.penalty = penalty;
            this.gcv = gcv;
        }
    }

    private static Optional<Solution> solve(
            double[][] gram,
            double[] moment,
            double[][] rows,
            double[] z,
            Design design,
            double penalty,
            double variance) {
        int p = gram.length;
        int n = z.length;
        double[][] penalised = new double[p][];
        for (int i = 0; i < p; i++) {
            penalised[i] = gram[i].clone();
        }
        for (int i = 0; i < design.regressors().size(); i++) {
            if (!design.isEstimable(i)) {
                penalised[design.regressorColumn(i)][design.regressorColumn(i)] = 1;
            }
        }
        if (!design.model.trend()) {
            // The slope's column is all zeros; this keeps the system solvable and its coefficient 0.
            penalised[1][1] = 1;
        }
        for (int i = 0; i < p; i++) {
            if (design.isChangepoint(i)) {
                penalised[i][i] += penalty;
            } else if (design.isFourier(i)) {
                double sd = design.priorSd(i);
                penalised[i][i] +=
                        FOURIER_PENALTY * n + (variance > 0 && Double.isFinite(sd) ? variance / (sd * sd) : 0);
            }
        }
        Cholesky cholesky = Cholesky.decompose(penalised).orElse(null);
        if (cholesky == null) {
            return Optional.empty();
        }
        double[] beta = cholesky.solve(moment);
        double[][] identity = new double[p][p];
        for (int i = 0; i < p; i++) {
            identity[i][i] = 1;
        }
        double[][] inverse = cholesky.solve(identity);
        double trace = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                trace += inverse[i][j] * gram[j][i];
            }
        }
        double rss = 0;
        double lagged = 0;
        double previous = 0;
        for (int t = 0; t < n; t++) {
            double fitted = 0;
            for (int i = 0; i < p; i++) {
                fitted += rows[t][i] * beta[i];
            }
            double residual = z[t] - fitted;
            rss += residual * residual;
            if (t > 0) {
                lagged += residual * previous;
            }
            previous = residual;
        }
        double freedom = n - trace;
        if (!(freedom > 0)) {
            return Optional.empty();
        }
        double gcv = n * rss / (freedom * freedom);
        // Negative autocorrelation would shrink standard errors below the independent case; it is taken as none.
        double autocorrelation = rss > 0 ? Math.min(0.99, Math.max(0, lagged / rss)) : 0;
        return Optional.of(new Solution(beta, Math.sqrt(rss / freedom), autocorrelation, inverse, penalty, gcv));
    }

    /** The design matrix's columns: level, slope, changepoint hinges, Fourier pairs, regressors. */
    static final class Design {
        private final RegressionModel model;
        private final int observations;
        private final double[] changepointTimes;
        private final ImmutableList<Regressor> regressors;
        private final int fourierColumns;
        private final double[] priorSds;
        private final boolean[] estimable;
        private final DesignCache cache;

        Design(RegressionModel model, int observations, List<Regressor> regressors, DesignCache cache) {
            this.model = model;
            this.cache = cache;
            this.observations = observations;
            // At most one candidate per four observations, so short series keep enough freedom for the rest.
            int usable = Math.max(
                    0,
                    Math.min(
                            Math.min(model.changepoints(), observations / 4),
                            (int) (model.changepointRange() * observations) - 2));
            this.changepointTimes = new double[usable];
            for (int j = 0; j < usable; j++) {
                changepointTimes[j] = model.changepointRange() * (j + 1) / (usable + 1);
            }
            this.regressors = ImmutableList.copyOf(regressors);
            this.estimable = new boolean[regressors.size()];
            for (int i = 0; i < regressors.size(); i++) {
                Regressor regressor = regressors.get(i);
                for (int t = 1; t < observations && !estimable[i]; t++) {
                    estimable[i] = regressor.value(t) != regressor.value(0);
                }
            }
            int fourier = 0;
            for (Season season : model.seasons()) {
                fourier += 2 * season.order();
            }
            this.fourierColumns = fourier;
            this.priorSds = new double[fourier];
            int column = 0;
            for (Season season : model.seasons()) {
                for (int k = 0; k < 2 * season.order(); k++) {
                    priorSds[column++] = season.priorSd();
                }
            }
        }

        boolean hasPriors() {
            return model.seasons().stream().anyMatch(Season::hasPrior);
        }

        /** The prior standard deviation of Fourier column {@code column} (infinite: none). */
        double priorSd(int column) {
            return priorSds[column - 2 - changepointTimes.length];
        }

        int columns() {
            return 2 + changepointTimes.length + fourierColumns + regressors.size();
        }

        int changepointColumns() {
            return changepointTimes.length;
        }

        boolean isChangepoint(int column) {
            return column >= 2 && column < 2 + changepointTimes.length;
        }

        boolean isFourier(int column) {
            int first = 2 + changepointTimes.length;
            return column >= first && column < first + fourierColumns;
        }

        /** The column of regressor {@code index}. */
        int regressorColumn(int index) {
            return 2 + changepointTimes.length + fourierColumns + index;
        }

        ImmutableList<Regressor> regressors() {
            return regressors;
        }

        /**
         * Whether regressor {@code index} varies over the training window. One that does not (an event that has not
         * happened yet) cannot be estimated: it enters as 0, gets no effect, and its effect is reported as NaN.
         */
        boolean isEstimable(int index) {
            return estimable[index];
        }

        /** The scaled time of step {@code t}: 0 at the first observation, 1 at the last. */
        double time(int t) {
            return observations > 1 ? (double) t / (observations - 1) : 0;
        }

        /**
         * The rows of the observations, from {@code rows}: those of a design with this one's fixed columns and its first
         * regressors, to which the rest are appended.
         */
        double[][] appended(double[][] rows) {
            double[][] appended = new double[rows.length][];
            for (int t = 0; t < rows.length; t++) {
                double[] row = Arrays.copyOf(rows[t], columns());
                for (int column = rows[t].length; column < row.length; column++) {
                    row[column] = regressorValue(column - regressorColumn(0), t);
                }
                appended[t] = row;
            }
            return appended;
        }

        /** Regressor {@code index}'s column at step {@code t}: 0 when not estimable, a driver's log on a log scale. */
        private double regressorValue(int index, int t) {
            Regressor regressor = regressors.get(index);
            if (!estimable[index]) {
                return 0;
            }
            double value = regressor.value(t);
            return regressor.kind() == Regressor.Kind.DRIVER && model.scale() != Scale.ADDITIVE
                    ? Math.log(value)
                    : value;
        }

        /** The design rows of steps {@code from} to {@code to} − 1 (which may lie beyond the observations). */
        double[][] rows(int from, int to) {
            List<double[][]> waves = new ArrayList<>();
            for (Season season : model.seasons()) {
                waves.add(cache.waves(season, to));
            }
            double[][] rows = new double[to - from][];
            for (int t = from; t < to; t++) {
                double[] row = new double[columns()];
                double time = time(t);
                row[0] = 1;
                row[1] = model.trend() ? time : 0;
                int column = 2;
                for (double changepoint : changepointTimes) {
                    row[column++] = Math.max(0, time - changepoint);
                }
                for (double[][] wave : waves) {
                    double[] terms = wave[t];
                    System.arraycopy(terms, 0, row, column, terms.length);
                    column += terms.length;
                }
                for (int i = 0; i < regressors.size(); i++) {
                    row[column++] = regressorValue(i, t);
                }
                rows[t - from] = row;
            }
            return rows;
        }
    }
}
