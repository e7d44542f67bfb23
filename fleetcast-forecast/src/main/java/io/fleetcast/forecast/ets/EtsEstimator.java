package io.fleetcast.forecast.ets;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import io.fleetcast.forecast.TrendLine;
import io.fleetcast.forecast.seasonal.ClassicalDecomposition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Fits ETS models by maximum likelihood and chooses among them by AICc, following R's {@code forecast::ets}: initial
 * states from a classical decomposition of the first three seasons (or a Fourier regression when there are fewer) and
 * a line through the first observations; smoothing weights started near the lower end of their ranges; then
 * Nelder-Mead over the weights and initial states together, inside the usual bounds (0 < beta <= alpha < 1,
 * 0 < gamma <= 1 - alpha, 0.8 <= phi <= 0.98) and, for seasonal models, the {@linkplain Admissibility admissible}
 * region, as R's default {@code bounds = "both"}.
 */
public final class EtsEstimator {
    private static final double LOWER = 1e-4;
    private static final double UPPER = 0.9999;
    private static final double PHI_LOWER = 0.8;
    private static final double PHI_UPPER = 0.98;
    private static final double SEARCH_TOLERANCE = 1e-8;
    private static final int MAX_EVALUATIONS = 2000;
    private static final int MAX_RESTARTS = 4;

    private EtsEstimator() {}

    /** The models the automatic choice considers for data with this period and sign, as R's ets does by default. */
    public static ImmutableList<EtsModel> candidates(int period, boolean positive) {
        ImmutableList.Builder<EtsModel> models = ImmutableList.builder();
        for (EtsModel.ErrorType error : EtsModel.ErrorType.values()) {
            if (error == EtsModel.ErrorType.MULTIPLICATIVE && !positive) {
                continue;
            }
            for (EtsModel.Trend trend : EtsModel.Trend.values()) {
                for (EtsModel.Season season : EtsModel.Season.values()) {
                    if (season != EtsModel.Season.NONE && period < 2) {
                        continue;
                    }
                    boolean multiplicativeSeason = season == EtsModel.Season.MULTIPLICATIVE;
                    if (multiplicativeSeason && (!positive || error == EtsModel.ErrorType.ADDITIVE)) {
                        continue; // additive errors with a multiplicative season are numerically unstable
                    }
                    models.add(new EtsModel(error, trend, season, period));
                }
            }
        }
        return models.build();
    }

    /**
     * Fits every {@linkplain #candidates candidate} that the data can support and returns the one with the lowest
     * AICc. Seasonal models need more than two periods of data.
     */
    public static EtsFit select(double[] y, int period) {
        boolean positive = Arrays.stream(y).allMatch(v -> v > 0);
        int usablePeriod = period > 1 && y.length > 2 * period ? period : 1;
        List<Estimation> estimations = new ArrayList<>();
        for (EtsModel model : candidates(usablePeriod, positive)) {
            if (y.length > model.parameterCount() + 4) {
                estimations.add(new Estimation(y, model));
            }
        }
        checkArgument(!estimations.isEmpty(), "ETS needs at least 7 observations, got %s", y.length);
        estimateTogether(y, estimations);
        EtsFit best = estimations.get(0).fit();
        for (Estimation estimation : estimations.subList(1, estimations.size())) {
            EtsFit fit = estimation.fit();
            if (fit.aicc() < best.aicc()) {
                best = fit;
            }
        }
        return best;
    }

    /** Fits {@code model} to {@code y}. */
    public static EtsFit fit(double[] y, EtsModel model) {
        checkArgument(
                y.length > model.parameterCount() + 1,
                "%s needs more than %s observations, got %s",
                model.name(),
                model.parameterCount() + 1,
                y.length);
        boolean multiplicative =
                model.error() == EtsModel.ErrorType.MULTIPLICATIVE || model.season() == EtsModel.Season.MULTIPLICATIVE;
        if (multiplicative) {
            for (int t = 0; t < y.length; t++) {
                // Not checkArgument: its message arguments (the model's name, boxed numbers) would be built for every
                // observation.
                if (!(y[t] > 0)) {
                    throw new IllegalArgumentException(
                            model.name() + " needs positive data; observation " + (t + 1) + " is " + y[t]);
                }
            }
        }
        Estimation estimation = new Estimation(y, model);
        estimateTogether(y, List.of(estimation));
        return estimation.fit();
    }

    /**
     * Runs the estimations (of models for {@code y}) side by side until each has ended: in every round, each estimation
     * that goes on names the run its search needs next, and runs of different estimations are made {@linkplain
     * EtsRecursion#runTogether together}, up to {@link EtsRecursion#MAX_TOGETHER} at a time. Each search sees exactly
     * the values it would see alone.
     */
    private static void estimateTogether(double[] y, List<Estimation> estimations) {
        List<Estimation> active = new ArrayList<>(estimations);
        List<EtsRecursion.Run> runs = new ArrayList<>(active.size());
        double[] values = new double[EtsRecursion.MAX_TOGETHER];
        while (!active.isEmpty()) {
            runs.clear();
            for (Iterator<Estimation> it = active.iterator(); it.hasNext(); ) {
                EtsRecursion.@Nullable Run run = it.next().nextRun();
                if (run == null) {
                    it.remove();
                } else {
                    runs.add(run);
                }
            }
            // Groups as even as possible: 5 runs as 3 + 2 rather than 4 + 1.
            int groups = (runs.size() + EtsRecursion.MAX_TOGETHER - 1) / EtsRecursion.MAX_TOGETHER;
            int from = 0;
            for (int group = 0; group < groups; group++) {
                int size = (runs.size() - from + groups - group - 1) / (groups - group);
                EtsRecursion.runTogether(y, runs.subList(from, from + size), values);
                for (int i = 0; i < size; i++) {
                    active.get(from + i).accept(values[i]);
                }
                from += size;
            }
        }
    }

    /**
     * The model with the given parameters and initial states, as R's ets names them ({@code alpha, beta, gamma, phi,
     * l, b, s0 .. s(m-2)}), run over {@code y} without estimating anything.
     */
    static EtsFit withParameters(double[] y, EtsModel model, Map<String, Double> parameters) {
        Layout layout = new Layout(model);
        double[] point = new double[layout.size];
        point[0] = required(parameters, "alpha");
        if (layout.beta >= 0) {
            point[layout.beta] = required(parameters, "beta");
        }
        if (layout.gamma >= 0) {
            point[layout.gamma] = required(parameters, "gamma");
        }
        if (layout.phi >= 0) {
            point[layout.phi] = required(parameters, "phi");
        }
        point[layout.level] = required(parameters, "l");
        if (layout.trend >= 0) {
            point[layout.trend] = required(parameters, "b");
        }
        for (int i = 0; layout.seasonal >= 0 && i < model.period() - 1; i++) {
            point[layout.seasonal + i] = required(parameters, "s" + i);
        }
        return result(point, y, model, layout, new EtsRecursion(model));
    }

    private static double required(Map<String, Double> parameters, String name) {
        Double value = parameters.get(name);
        checkArgument(value != null, "parameter %s is missing", name);
        return value;
    }

    private static EtsFit result(double[] point, double[] y, EtsModel model, Layout layout, EtsRecursion recursion) {
        EtsRecursion.State state = new EtsRecursion.State(model.period());
        double[] seasonal = new double[model.period()];
        double[] parameters = layout.parameters(point);
        loadState(point, model, layout, state, seasonal);
        double[] residuals = new double[y.length];
        double objective = recursion.run(
                y,
                state,
                new EtsRecursion.Weights(parameters[0], parameters[1], parameters[2], parameters[3]),
                residuals);
        double sumOfSquares = 0;
        for (double residual : residuals) {
            sumOfSquares += residual * residual;
        }
        double[] initialSeasonal = new double[model.isSeasonal() ? model.period() : 0];
        for (int i = 0; i < initialSeasonal.length; i++) {
            // R's s0 is the most recent state: the one observation period - 1 uses.
            initialSeasonal[i] = seasonal[model.period() - 1 - i];
        }
        return new EtsFit(model, parameters, initialSeasonal, state, y.length, objective, sumOfSquares);
    }

    /** Where each parameter sits in the optimiser's vector. */
    private static final class Layout {
        final int beta;
        final int gamma;
        final int phi;
        final int level;
        final int trend;
        final int seasonal;
        final int size;

        Layout(EtsModel model) {
            int next = 1;
            beta = model.hasTrend() ? next++ : -1;
            gamma = model.isSeasonal() ? next++ : -1;
            phi = model.isDamped() ? next++ : -1;
            level = next++;
            trend = model.hasTrend() ? next++ : -1;
            seasonal = model.isSeasonal() ? next : -1;
            size = model.isSeasonal() ? next + model.period() - 1 : next;
        }

        /** alpha, beta, gamma, phi, level, trend: absent ones as 0 (phi as 1). */
        double[] parameters(double[] point) {
            return new double[] {
                point[0],
                beta >= 0 ? point[beta] : 0,
                gamma >= 0 ? point[gamma] : 0,
                phi >= 0 ? point[phi] : 1,
                point[level],
                trend >= 0 ? point[trend] : 0
            };
        }
    }

    /**
     * One model's estimation: Nelder-Mead searches over the weights and initial states for the least objective (minus
     * twice the log-likelihood, up to a constant; infinite outside the usual bounds and, for seasonal models, outside
     * the admissible region), each restarted from the best point so far with a fresh simplex until it stops improving:
     * a search can stall on a collapsed simplex, far from the optimum in some directions.
     */
    private static final class Estimation {
        private final double[] y;
        private final EtsModel model;
        private final Layout layout;
        private final EtsRecursion recursion;
        private final EtsRecursion.State state;
        private final double[] seasonal;
        private SimplexSearch search;
        private double[] optimum;
        private double optimumValue = Double.POSITIVE_INFINITY;
        private int searches;
        private boolean ended;

        Estimation(double[] y, EtsModel model) {
            this.y = y;
            this.model = model;
            this.layout = new Layout(model);
            this.recursion = new EtsRecursion(model);
            this.state = new EtsRecursion.State(model.period());
            this.seasonal = new double[model.period()];
            this.optimum = initialVector(y, model, layout);
            this.search = searchFrom(optimum);
        }

        private SimplexSearch searchFrom(double[] point) {
            return new SimplexSearch(SEARCH_TOLERANCE, MAX_EVALUATIONS, point, steps(point, y, model, layout));
        }

        /**
         * The run whose objective the search needs next (points outside the feasible region are answered at once);
         * null when the estimation has ended.
         */
        EtsRecursion.@Nullable Run nextRun() {
            while (!ended) {
                if (search.isDone()) {
                    restartOrEnd();
                    continue;
                }
                EtsRecursion.@Nullable Weights weights = feasibleWeights(search.point());
                if (weights != null) {
                    return new EtsRecursion.Run(recursion, state, weights);
                }
                search.accept(Double.POSITIVE_INFINITY);
            }
            return null;
        }

        /** Takes the objective of the run {@link #nextRun} named. */
        void accept(double value) {
            search.accept(value);
        }

        /** The fit at the optimum; the estimation must have ended. */
        EtsFit fit() {
            checkState(ended, "the estimation of %s goes on", model);
            return result(optimum, y, model, layout, recursion);
        }

        /**
         * After a search: keeps its optimum when it is the best so far, and restarts from the best point unless a
         * restart did not improve on it by a millionth or the restarts are used up.
         */
        private void restartOrEnd() {
            double value = search.bestValue();
            boolean restarted = searches > 0;
            boolean improved = restarted && value < optimumValue - 1e-6 * Math.abs(optimumValue);
            if (!restarted || value < optimumValue) {
                optimum = search.best();
                optimumValue = value;
            }
            searches++;
            ended = (restarted && !improved) || searches > MAX_RESTARTS;
            if (!ended) {
                search = searchFrom(optimum);
            }
        }

        /**
         * The weights in {@code point}, with its initial state loaded into {@link #state}; null when the point lies
         * outside the bounds or the admissible region.
         */
        private EtsRecursion.@Nullable Weights feasibleWeights(double[] point) {
            double alpha = point[0];
            double beta = layout.beta >= 0 ? point[layout.beta] : 0;
            double gamma = layout.gamma >= 0 ? point[layout.gamma] : 0;
            double phi = layout.phi >= 0 ? point[layout.phi] : 1;
            if (alpha < LOWER || alpha > UPPER) {
                return null;
            }
            if (layout.beta >= 0 && (beta < LOWER || beta > alpha)) {
                return null;
            }
            if (layout.gamma >= 0 && (gamma < LOWER || gamma > 1 - alpha)) {
                return null;
            }
            if (layout.phi >= 0 && (phi < PHI_LOWER || phi > PHI_UPPER)) {
                return null;
            }
            if (layout.gamma >= 0 && !Admissibility.isAdmissible(alpha, beta, gamma, phi, model.period())) {
                return null;
            }
            if (!loadState(point, model, layout, state, seasonal)) {
                return null;
            }
            return new EtsRecursion.Weights(alpha, beta, gamma, phi);
        }
    }

    /**
     * Sets {@code state} to the initial state in {@code point}: the last seasonal state makes the seasonal states sum
     * to 0 (additive) or to the period (multiplicative). False when multiplicative seasonal states are not positive.
     */
    private static boolean loadState(
            double[] point, EtsModel model, Layout layout, EtsRecursion.State state, double[] seasonal) {
        state.level = point[layout.level];
        state.trend = layout.trend >= 0 ? point[layout.trend] : 0;
        if (!model.isSeasonal()) {
            return true;
        }
        int m = model.period();
        double sum = 0;
        for (int i = 0; i < m - 1; i++) {
            double s = point[layout.seasonal + i]; // R's s_i: most recent first
            seasonal[m - 1 - i] = s;
            sum += s;
        }
        boolean multiplicative = model.season() == EtsModel.Season.MULTIPLICATIVE;
        seasonal[0] = multiplicative ? m - sum : -sum;
        if (multiplicative) {
            for (double s : seasonal) {
                if (s <= 0) {
                    return false;
                }
            }
        }
        System.arraycopy(seasonal, 0, state.seasonal, 0, m);
        return true;
    }

    /** The optimiser's starting point: R's initial smoothing weights and heuristic initial states. */
    private static double[] initialVector(double[] y, EtsModel model, Layout layout) {
        double[] point = new double[layout.size];
        int m = model.period();
        double alpha = LOWER + 0.2 * (UPPER - LOWER) / m;
        point[0] = alpha;
        if (layout.beta >= 0) {
            point[layout.beta] = LOWER + 0.1 * (Math.min(UPPER, alpha) - LOWER);
        }
        if (layout.gamma >= 0) {
            point[layout.gamma] = LOWER + 0.05 * (Math.min(UPPER, 1 - alpha) - LOWER);
        }
        if (layout.phi >= 0) {
            point[layout.phi] = PHI_LOWER + 0.99 * (PHI_UPPER - PHI_LOWER);
        }
        double[] adjusted = y;
        if (model.isSeasonal()) {
            double[] seasonal = initialSeasonal(y, model);
            // R's s_0 .. s_{m-2}: the seasonal component of observations m, m-1, ..., 2.
            for (int i = 0; i < m - 1; i++) {
                point[layout.seasonal + i] = seasonal[m - 1 - i];
            }
            adjusted = new double[Math.min(y.length, seasonal.length)];
            for (int t = 0; t < adjusted.length; t++) {
                adjusted[t] = model.season() == EtsModel.Season.ADDITIVE
                        ? y[t] - seasonal[t]
                        : y[t] / Math.max(seasonal[t], 1e-2);
            }
            if (model.season() == EtsModel.Season.MULTIPLICATIVE) {
                clampMultiplicative(point, layout.seasonal, m);
            }
        }
        int first = Math.min(Math.max(10, 2 * m), adjusted.length);
        if (!model.hasTrend()) {
            double sum = 0;
            for (int t = 0; t < first; t++) {
                sum += adjusted[t];
            }
            point[layout.level] = sum / first;
        } else {
            TrendLine line = TrendLine.fit(adjusted, first);
            double level = line.intercept();
            double slope = line.slope();
            if (Math.abs(level + slope) < 1e-8) {
                level *= 1 + 1e-3;
                slope *= 1 + 1e-3;
            }
            point[layout.level] = level;
            point[layout.trend] = slope;
        }
        return point;
    }

    /** Multiplicative seasonal states start at 0.01 or more, scaled down if they sum to more than the period. */
    private static void clampMultiplicative(double[] point, int from, int m) {
        double sum = 0;
        for (int i = 0; i < m - 1; i++) {
            point[from + i] = Math.max(point[from + i], 1e-2);
            sum += point[from + i];
        }
        if (sum > m) {
            double scale = sum + 1e-2 * (m - 1);
            for (int i = 0; i < m - 1; i++) {
                point[from + i] /= scale;
            }
        }
    }

    /**
     * The seasonal component of the first observations: from a classical decomposition of the first three periods,
     * or, with fewer, from a regression on a line and one Fourier pair.
     */
    static double[] initialSeasonal(double[] y, EtsModel model) {
        int m = model.period();
        boolean additive = model.season() == EtsModel.Season.ADDITIVE;
        if (y.length >= 3 * m) {
            double[] first = Arrays.copyOf(y, 3 * m);
            ClassicalDecomposition decomposition = additive
                    ? ClassicalDecomposition.additive(first, m)
                    : ClassicalDecomposition.multiplicative(first, m);
            double[] seasonal = new double[3 * m];
            for (int t = 0; t < seasonal.length; t++) {
                seasonal[t] = decomposition.seasonal(t);
            }
            return seasonal;
        }
        int n = y.length;
        double[][] columns = new double[n][4];
        for (int t = 0; t < n; t++) {
            double angle = 2 * Math.PI * (t + 1) / m;
            columns[t] = new double[] {1, t + 1, Math.sin(angle), Math.cos(angle)};
        }
        double[] coefficients = LeastSquares.solve(columns, y);
        double[] seasonal = new double[n];
        for (int t = 0; t < n; t++) {
            double trend = coefficients[0] + coefficients[1] * (t + 1);
            seasonal[t] = additive ? y[t] - trend : y[t] / trend;
        }
        return seasonal;
    }

    /** First simplex edges: a tenth of each parameter's plausible range. */
    private static double[] steps(double[] point, double[] y, EtsModel model, Layout layout) {
        double scale = scale(y);
        double[] steps = new double[point.length];
        steps[0] = Math.max(0.05, 0.1 * point[0]);
        if (layout.beta >= 0) {
            steps[layout.beta] = Math.max(0.01, 0.1 * point[layout.beta]);
        }
        if (layout.gamma >= 0) {
            steps[layout.gamma] = Math.max(0.01, 0.1 * point[layout.gamma]);
        }
        if (layout.phi >= 0) {
            steps[layout.phi] = 0.01;
        }
        steps[layout.level] = Math.max(0.1 * Math.abs(point[layout.level]), 0.1 * scale);
        if (layout.trend >= 0) {
            steps[layout.trend] = Math.max(0.1 * Math.abs(point[layout.trend]), 0.01 * scale);
        }
        if (layout.seasonal >= 0) {
            boolean multiplicative = model.season() == EtsModel.Season.MULTIPLICATIVE;
            for (int i = layout.seasonal; i < point.length; i++) {
                steps[i] = multiplicative ? 0.05 : Math.max(0.1 * Math.abs(point[i]), 0.05 * scale);
            }
        }
        return steps;
    }

    /** The data's spread (standard deviation), or 1 for constant data. */
    private static double scale(double[] y) {
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double variance = 0;
        for (double v : y) {
            variance += (v - mean) * (v - mean) / y.length;
        }
        double sd = Math.sqrt(variance);
        return sd > 0 ? sd : Math.max(1, Math.abs(mean));
    }
}
