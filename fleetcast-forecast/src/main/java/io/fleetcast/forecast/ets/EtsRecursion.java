package io.fleetcast.forecast.ets;

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
    /** Running products of forecasts are folded into their logarithm before they could overflow or underflow. */
    private static final double PRODUCT_LIMIT = 1e200;

    private final EtsModel model;

    EtsRecursion(EtsModel model) {
        this.model = model;
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
        return seasonalised(state, slot, state.level + trendPart(state, phi));
    }

    /** The one-step forecast from the level and trend part {@code q}, with the season of {@code slot}. */
    private double seasonalised(State state, int slot, double q) {
        return switch (model.season()) {
            case NONE -> q;
            case ADDITIVE -> q + state.seasonal[slot];
            case MULTIPLICATIVE -> q * state.seasonal[slot];
        };
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
        double p = switch (model.season()) {
            case NONE -> y;
            case ADDITIVE -> y - oldSeason;
            case MULTIPLICATIVE -> Math.abs(oldSeason) < TOLERANCE ? HUGE : y / oldSeason;
        };
        double level = q + alpha * (p - q);
        if (model.hasTrend()) {
            state.trend = phiB + beta * (p - q);
        }
        state.level = level;
        switch (model.season()) {
            case NONE -> {}
            case ADDITIVE -> state.seasonal[slot] = oldSeason + gamma * (y - q - oldSeason);
            case MULTIPLICATIVE -> state.seasonal[slot] = oldSeason + gamma * (y / q - oldSeason);
        }
    }

    /**
     * Runs the model over {@code y} from {@code state} (which it advances to the end) and returns
     * {@code n log(sum e^2)}, plus {@code 2 sum log|forecast|} for multiplicative errors: minus twice the
     * log-likelihood up to a constant, as R's ets defines it. {@code residuals}, when not null, receives the errors.
     * The hot loop of fitting: the seasonal slot advances without division, and the logarithms of the forecasts are
     * taken of running products, not one by one.
     */
    double run(
            double[] y,
            State state,
            double alpha,
            double beta,
            double gamma,
            double phi,
            double @Nullable [] residuals) {
        double sumOfSquares = 0;
        double sumOfLogs = 0;
        double product = 1;
        boolean multiplicative = model.error() == EtsModel.ErrorType.MULTIPLICATIVE;
        int period = model.period();
        int slot = 0;
        boolean hasTrend = model.hasTrend();
        for (int t = 0; t < y.length; t++) {
            double phiB = trendPart(state, phi);
            // Without a trend, phiB is 0 and level + 0 differs from the level only for a level of -0.0: then the
            // forecast is 0 (or -0 + s, equal to s) and the run stops below before q is divided by. Skipping the
            // addition shortens the chain of dependent operations each step waits for.
            double q = hasTrend ? state.level + phiB : state.level;
            double forecast = seasonalised(state, slot, q);
            if (Math.abs(forecast) < TOLERANCE || Double.isNaN(forecast)) {
                return HUGE;
            }
            double error;
            if (multiplicative) {
                error = (y[t] - forecast) / forecast;
                product *= Math.abs(forecast);
                if (product > PRODUCT_LIMIT || product < 1 / PRODUCT_LIMIT) {
                    sumOfLogs += Math.log(product);
                    product = 1;
                }
            } else {
                error = y[t] - forecast;
            }
            sumOfSquares += error * error;
            if (residuals != null) {
                residuals[t] = error;
            }
            advance(state, slot, y[t], q, phiB, alpha, beta, gamma);
            if (++slot == period) {
                slot = 0;
            }
        }
        sumOfLogs += Math.log(product);
        double objective = y.length * Math.log(sumOfSquares) + 2 * sumOfLogs;
        return Double.isNaN(objective) ? HUGE : Math.max(objective, -HUGE);
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
