package io.fleetcast.forecast.ets;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ETS state equations in their error-correction form, shared by fitting (one pass over the data per likelihood
 * evaluation: the hot loop) and forecasting. The seasonal states live in a ring of {@code period} slots: the slot of
 * observation t holds the seasonal state from one period earlier, and receives the new one.
 */
final class EtsRecursion {
    /** Below this, a one-step forecast counts as zero and the likelihood as undefined. */
    static final double TOLERANCE = 1e-10;
    /** The objective of a parameter set whose likelihood is undefined. */
    static final double HUGE = 1e10;
    /** Running products of forecasts are folded away before they could overflow or underflow. */
    private static final double PRODUCT_LIMIT = 1e200;
    /** The most runs {@link #runTogether} makes together: more would keep the processor no busier. */
    static final int MAX_TOGETHER = 4;

    private final EtsModel model;
    private final boolean hasTrend;
    private final boolean damped;
    private final boolean seasonalModel;
    private final boolean multiplicativeSeason;
    private final boolean multiplicativeError;
    /** The folded products of a run, kept from run to run. */
    private double[] folds = new double[0];

    EtsRecursion(EtsModel model) {
        this.model = model;
        this.hasTrend = model.hasTrend();
        this.damped = model.isDamped();
        this.seasonalModel = model.isSeasonal();
        this.multiplicativeSeason = model.season() == EtsModel.Season.MULTIPLICATIVE;
        this.multiplicativeError = model.error() == EtsModel.ErrorType.MULTIPLICATIVE;
    }

    /**
     * The mutable state: level, trend and seasonal ring. {@code seasonal[t % period]} is the seasonal state the
     * observation t uses.
     */
    static final class State {
        double level;
        double trend;
        final double[] seasonal;

        State(int period) {
            seasonal = new double[period];
        }

        State copy() {
            State copy = new State(seasonal.length);
            copy.level = level;
            copy.trend = trend;
            System.arraycopy(seasonal, 0, copy.seasonal, 0, seasonal.length);
            return copy;
        }
    }

    /** The one-step forecast for observation {@code t} from {@code state}. */
    double forecastOne(State state, int t, double phi) {
        return forecastAt(state, t % model.period(), phi);
    }

    /** The one-step forecast from {@code state} for the observation whose seasonal slot is {@code slot}. */
    private double forecastAt(State state, int slot, double phi) {
        return withSeason(state.level + trendPart(state, phi), state.seasonal[slot]);
    }

    private double trendPart(State state, double phi) {
        return switch (model.trend()) {
            case NONE -> 0;
            case ADDITIVE -> state.trend;
            case DAMPED -> phi * state.trend;
        };
    }

    /** Moves {@code state} past observation {@code t} with value {@code y}. */
    void update(State state, int t, double y, double alpha, double beta, double gamma, double phi) {
        updateAt(state, t % model.period(), y, alpha, beta, gamma, phi);
    }

    private void updateAt(State state, int slot, double y, double alpha, double beta, double gamma, double phi) {
        double phiB = trendPart(state, phi);
        advance(state, slot, y, state.level + phiB, phiB, alpha, beta, gamma);
    }

    /** {@link #updateAt} with the level and trend part {@code q} and the trend part {@code phiB} already known. */
    private void advance(
            State state, int slot, double y, double q, double phiB, double alpha, double beta, double gamma) {
        double oldSeason = state.seasonal[slot];
        double p = deseasonalised(y, oldSeason);
        double level = q + alpha * (p - q);
        if (model.hasTrend()) {
            state.trend = phiB + beta * (p - q);
        }
        state.level = level;
        if (seasonalModel) {
            state.seasonal[slot] = nextSeason(y, q, oldSeason, gamma);
        }
    }

    /** The one-step forecast from the level and trend part {@code q} and the season {@code oldSeason}. */
    private double withSeason(double q, double oldSeason) {
        if (!seasonalModel) {
            return q;
        }
        return multiplicativeSeason ? q * oldSeason : q + oldSeason;
    }

    /** The observation {@code y} without its season {@code oldSeason}. */
    private double deseasonalised(double y, double oldSeason) {
        if (!seasonalModel) {
            return y;
        }
        if (multiplicativeSeason) {
            return Math.abs(oldSeason) < TOLERANCE ? HUGE : y / oldSeason;
        }
        return y - oldSeason;
    }

    /** The seasonal state after observation {@code y}, from the level and trend part {@code q} (seasonal models). */
    private double nextSeason(double y, double q, double oldSeason, double gamma) {
        return multiplicativeSeason ? oldSeason + gamma * (y / q - oldSeason) : oldSeason + gamma * (y - q - oldSeason);
    }

    /**
     * Runs the model over {@code y} from {@code state} (which it advances to the end, or to the step where the
     * likelihood became undefined) and returns {@code n log(sum e^2)}, plus {@code 2 sum log|forecast|} for
     * multiplicative errors: minus twice the log-likelihood up to a constant, as R's ets defines it; {@link #HUGE}
     * where it is undefined. {@code residuals}, when not null, receives the errors. The hot loop of fitting.
     */
    double run(double[] y, State state, Weights weights, double @Nullable [] residuals) {
        Pass pass = new Pass(new Run(this, state, weights), false, y.length);
        for (int t = 0; t < y.length; t++) {
            double error = pass.step(y[t]);
            if (pass.failed) {
                break;
            }
            if (residuals != null) {
                residuals[t] = error;
            }
        }
        return pass.finish(y.length);
    }

    /**
     * Makes one to {@link #MAX_TOGETHER} {@linkplain #run runs} over {@code y}, of different recursions, together;
     * their objectives go to {@code into[0..runs.size())}. Each step of a run waits for the step before it and leaves
     * the processor mostly idle meanwhile: runs interleaved step by step take little longer than one. Idle passes
     * stand in for absent runs, so that one loop with its passes in local variables (kept in registers) serves any
     * number.
     */
    static void runTogether(double[] y, List<Run> runs, double[] into) {
        checkArgument(
                !runs.isEmpty() && runs.size() <= MAX_TOGETHER,
                "from 1 to %s runs together, got %s",
                MAX_TOGETHER,
                runs.size());
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                // Each recursion has one buffer for a run's folded products.
                checkArgument(
                        runs.get(i).recursion != runs.get(j).recursion,
                        "runs made together need recursions of their own");
            }
        }
        Pass one = Pass.of(runs, 0, y.length);
        Pass two = Pass.of(runs, 1, y.length);
        Pass three = Pass.of(runs, 2, y.length);
        Pass four = Pass.of(runs, 3, y.length);
        for (int t = 0; t < y.length && !(one.failed && two.failed && three.failed && four.failed); t++) {
            one.step(y[t]);
            two.step(y[t]);
            three.step(y[t]);
            four.step(y[t]);
        }
        one.finish(y.length, into, 0);
        two.finish(y.length, into, 1);
        three.finish(y.length, into, 2);
        four.finish(y.length, into, 3);
    }

    /** The buffer for a run's folded products, at least {@code length} long. */
    private double[] folds(int length) {
        if (folds.length < length) {
            folds = new double[length];
        }
        return folds;
    }

    /** A run to make: the model's recursion, the state it starts from (and advances) and the weights. */
    record Run(EtsRecursion recursion, State state, Weights weights) {}

    /** The smoothing weights and the damping factor (beta 0 without trend, gamma 0 without season, phi 1 undamped). */
    record Weights(double alpha, double beta, double gamma, double phi) {}

    /**
     * One run of the state equations over the data, with the sums the likelihood needs. A pass lives inside one
     * method, so the compiler can keep its fields in registers. Running products of the forecasts are folded away
     * before they could overflow or underflow, and their logarithms are taken at the end, in the same order: a call
     * inside the loop would make the compiler save every value around it.
     */
    private static final class Pass {
        private final EtsRecursion recursion;
        private final State state;
        private final double alpha;
        private final double beta;
        private final double gamma;
        private final double phi;
        private final double[] seasonal;
        private final double[] folds;
        /** Stands in for an absent run: it never steps and leaves its state alone. */
        private final boolean idle;

        private double level;
        private double trend;
        private int slot;
        private double sumOfSquares;
        private double product = 1;
        private int foldCount;
        private boolean failed;

        private Pass(Run run, boolean idle, int length) {
            this.recursion = run.recursion();
            this.state = run.state();
            this.alpha = run.weights().alpha();
            this.beta = run.weights().beta();
            this.gamma = run.weights().gamma();
            this.phi = run.weights().phi();
            this.seasonal = state.seasonal;
            this.folds = recursion.folds(length);
            this.idle = idle;
            this.level = state.level;
            this.trend = state.trend;
            this.failed = idle;
        }

        /** A pass over {@code length} observations for the run at {@code index}, or an idle one where there is none. */
        static Pass of(List<Run> runs, int index, int length) {
            boolean idle = index >= runs.size();
            return new Pass(runs.get(idle ? 0 : index), idle, length);
        }

        /**
         * Moves past an observation {@code y} and returns its error (relative for multiplicative errors). Once the
         * forecast has been (nearly) zero or NaN the pass has failed and stays where it was.
         */
        double step(double y) {
            if (failed) {
                return Double.NaN;
            }
            double phiB = recursion.damped ? phi * trend : trend;
            // Without a trend, phiB is 0 and level + 0 differs from the level only for a level of -0.0: then the
            // forecast is 0 (or -0 + s, equal to s) and the pass fails below before q is divided by. Skipping the
            // addition shortens the chain of dependent operations each step waits for.
            double q = recursion.hasTrend ? level + phiB : level;
            double oldSeason = seasonal[slot];
            double forecast = recursion.withSeason(q, oldSeason);
            if (Math.abs(forecast) < TOLERANCE || Double.isNaN(forecast)) {
                failed = true;
                return Double.NaN;
            }
            double error = recursion.multiplicativeError ? relativeError(y, forecast) : y - forecast;
            sumOfSquares += error * error;
            double p = recursion.deseasonalised(y, oldSeason);
            level = q + alpha * (p - q);
            if (recursion.hasTrend) {
                trend = phiB + beta * (p - q);
            }
            if (recursion.seasonalModel) {
                seasonal[slot] = recursion.nextSeason(y, q, oldSeason, gamma);
            }
            if (++slot == seasonal.length) {
                slot = 0;
            }
            return error;
        }

        /** {@code (y - forecast) / forecast}, with the forecast's size multiplied into the running product. */
        private double relativeError(double y, double forecast) {
            product *= Math.abs(forecast);
            if (product > PRODUCT_LIMIT || product < 1 / PRODUCT_LIMIT) {
                folds[foldCount++] = product;
                product = 1;
            }
            return (y - forecast) / forecast;
        }

        /** As {@link #finish(int)}, with the objective put in {@code into[index]}; an idle pass does nothing. */
        void finish(int n, double[] into, int index) {
            if (!idle) {
                into[index] = finish(n);
            }
        }

        /** Leaves the level and trend in the state and returns the objective of {@code n} observations. */
        double finish(int n) {
            state.level = level;
            state.trend = trend;
            if (failed) {
                return HUGE;
            }
            double sumOfLogs = 0;
            for (int i = 0; i < foldCount; i++) {
                sumOfLogs += Math.log(folds[i]);
            }
            sumOfLogs += Math.log(product);
            double objective = n * Math.log(sumOfSquares) + 2 * sumOfLogs;
            return Double.isNaN(objective) ? HUGE : Math.max(objective, -HUGE);
        }
    }

    /** Point forecasts for the {@code horizon} steps after observation {@code n - 1}, from the final state. */
    double[] forecast(State state, int n, int horizon, double phi) {
        double[] mean = new double[horizon];
        double phiSum = 0;
        double phiPower = 1;
        for (int h = 1; h <= horizon; h++) {
            double trend;
            switch (model.trend()) {
                case NONE -> trend = 0;
                case ADDITIVE -> trend = h * state.trend;
                default -> {
                    phiPower *= phi;
                    phiSum += phiPower;
                    trend = phiSum * state.trend;
                }
            }
            double q = state.level + trend;
            int slot = (n + h - 1) % model.period();
            mean[h - 1] = switch (model.season()) {
                case NONE -> q;
                case ADDITIVE -> q + state.seasonal[slot];
                case MULTIPLICATIVE -> q * state.seasonal[slot];
            };
        }
        return mean;
    }
}
