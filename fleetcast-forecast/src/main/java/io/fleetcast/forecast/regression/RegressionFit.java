package io.fleetcast.forecast.regression;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Provenance;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted {@link RegressionModel}: its coefficients, the effect of each regressor as people quote it, and forecasts.
 */
public final class RegressionFit {
    private final RegressionModel model;
    private final RegressionModel.Design design;
    private final double[] coefficients;
    private final double sigma;
    private final double autocorrelation;
    private final double[][] inverse;
    private final double penalty;
    private final int observations;

    RegressionFit(
            RegressionModel model,
            RegressionModel.Design design,
            double[] coefficients,
            double sigma,
            double autocorrelation,
            double[][] inverse,
            double penalty,
            int observations) {
        this.model = model;
        this.design = design;
        this.coefficients = coefficients;
        this.sigma = sigma;
        this.autocorrelation = autocorrelation;
        this.inverse = inverse;
        this.penalty = penalty;
        this.observations = observations;
    }

    /** The residual standard deviation, on the model's scale. */
    public double sigma() {
        return sigma;
    }

    /** The residuals' lag-one autocorrelation, 0 when negative. */
    public double autocorrelation() {
        return autocorrelation;
    }

    /**
     * The standard error of the coefficient of the regressor called {@code name}, on the model's scale, with residuals
     * taken as an AR(1) process of the fit's {@link #autocorrelation} ρ: the sandwich (X′X)⁻¹ X′ΣX (X′X)⁻¹ with Σₛₜ =
     * σ² ρ^|s−t|, so the days of one event (or of nearby occurrences) count for less than independent days. NaN for a
     * regressor that does not vary over the training window.
     */
    public double standardError(String name) {
        return standardErrors()[indexOf(name)];
    }

    /** {@link #standardError} of every regressor, in the order they were given. */
    public double[] standardErrors() {
        return standardErrors(design.rows(0, observations));
    }

    /** {@link #standardErrors()} from the design's rows of the observations, already built: one pass over them. */
    double[] standardErrors(double[][] rows) {
        int k = design.regressors().size();
        int[] columns = new int[k];
        for (int j = 0; j < k; j++) {
            columns[j] = design.regressorColumn(j);
        }
        // w = X (X'X)^-1 e_column; the variance is sigma^2 w' R w with R the AR(1) correlations, summed in one pass:
        // carried = sum over earlier s of rho^(t-s) w_s. Each needed column of the inverse is copied out to be read in
        // order.
        double[][] inverseColumns = new double[k][inverse.length];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < inverse.length; i++) {
                inverseColumns[j][i] = inverse[i][columns[j]];
            }
        }
        double[] quadratic = new double[k];
        double[] carried = new double[k];
        double[] previous = new double[k];
        for (int t = 0; t < observations; t++) {
            double[] row = rows[t];
            for (int j = 0; j < k; j++) {
                double[] column = inverseColumns[j];
                double weight = 0;
                for (int i = 0; i < row.length; i++) {
                    weight += row[i] * column[i];
                }
                carried[j] = autocorrelation * (carried[j] + previous[j]);
                quadratic[j] += weight * weight + 2 * weight * carried[j];
                previous[j] = weight;
            }
        }
        double[] errors = new double[k];
        for (int j = 0; j < k; j++) {
            errors[j] = design.isEstimable(j) ? sigma * Math.sqrt(Math.max(0, quadratic[j])) : Double.NaN;
        }
        return errors;
    }

    /** The coefficient of the regressor called {@code name}, on the model's scale. */
    public double coefficient(String name) {
        return coefficients[design.regressorColumn(indexOf(name))];
    }

    /**
     * The regressor's effect as people quote it: on the multiplicative scale an event's lift (the factor demand is
     * multiplied by while it is on, e.g. 1.22) and a driver's elasticity (percent demand per percent driver); on the
     * other scales the coefficient (units per unit on the additive scale). NaN for a regressor that does not vary over
     * the training window (an event that has not happened yet): it cannot be estimated and adds nothing to the forecast.
     */
    public double effect(String name) {
        int index = indexOf(name);
        if (!design.isEstimable(index)) {
            return Double.NaN;
        }
        Regressor regressor = design.regressors().get(index);
        double coefficient = coefficient(name);
        return model.scale() == RegressionModel.Scale.MULTIPLICATIVE && regressor.kind() == Regressor.Kind.EVENT
                ? Math.exp(coefficient)
                : coefficient;
    }

    /**
     * Forecasts {@code horizon} steps after the observations. The intervals are normal on the model's scale with the
     * residual standard deviation and the coefficients' uncertainty; they ignore future changes of slope and residual
     * autocorrelation, so use them calibrated (the automatic method does).
     *
     * @throws IllegalArgumentException when a regressor does not cover the horizon
     */
    public Forecast forecast(int horizon) {
        return forecast(horizon, true);
    }

    /**
     * The means of {@link #forecast(int)} alone, each interval bound set to its step's mean: for backtests that score
     * only the point forecast, without the intervals' quadratic form in the coefficients' covariance at every step.
     *
     * @throws IllegalArgumentException when a regressor does not cover the horizon
     */
    public Forecast pointForecast(int horizon) {
        return forecast(horizon, false);
    }

    private Forecast forecast(int horizon, boolean intervals) {
        for (Regressor regressor : design.regressors()) {
            checkArgument(
                    regressor.length() >= observations + horizon,
                    "regressor %s covers %s steps; forecasting %s steps after %s observations needs %s",
                    regressor.name(),
                    regressor.length(),
                    horizon,
                    observations,
                    observations + horizon);
        }
        double[] mean = new double[horizon];
        double[] lower80 = new double[horizon];
        double[] upper80 = new double[horizon];
        double[] lower95 = new double[horizon];
        double[] upper95 = new double[horizon];
        double[][] rows = design.rows(observations, observations + horizon);
        for (int step = 0; step < horizon; step++) {
            double[] row = rows[step];
            double centre = linear(row);
            if (!intervals) {
                mean[step] = model.fromScale(centre);
                lower80[step] = mean[step];
                upper80[step] = mean[step];
                lower95[step] = mean[step];
                upper95[step] = mean[step];
                continue;
            }
            double leverage = 0;
            for (int i = 0; i < row.length; i++) {
                for (int j = 0; j < row.length; j++) {
                    leverage += row[i] * inverse[i][j] * row[j];
                }
            }
            double standardError = sigma * Math.sqrt(1 + leverage);
            mean[step] = model.fromScale(centre);
            lower80[step] = model.fromScale(centre - Forecast.Z80 * standardError);
            upper80[step] = model.fromScale(centre + Forecast.Z80 * standardError);
            lower95[step] = model.fromScale(centre - Forecast.Z95 * standardError);
            upper95[step] = model.fromScale(centre + Forecast.Z95 * standardError);
        }
        return Forecast.of(provenance(), mean, lower80, upper80, lower95, upper95);
    }

    private Provenance provenance() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        // With a change of slope, "slope" is the slope after it (what the forecast carries), "slopeBefore" the one
        // before, and the change's step is given.
        int change = -1;
        for (int i = 0; i < design.regressors().size(); i++) {
            if (design.regressors().get(i).kind() == Regressor.Kind.TREND_CHANGE && design.isEstimable(i)) {
                change = design.regressorColumn(i);
            }
        }
        parameters.put("level", coefficients[0]);
        parameters.put("slope", coefficients[1] + (change < 0 ? 0 : coefficients[change]));
        parameters.put("changepointPenalty", penalty);
        parameters.put("sigma", sigma);
        if (model.trend()) {
            // The slope's variance: the residual variance, inflated by (1 + ρ) / (1 − ρ) for AR(1) residuals (a slow
            // component is known only that well), times its element of (X′X + penalties)⁻¹; with a seasonal prior,
            // the posterior variance.
            double rho = Math.min(autocorrelation, 0.99);
            double element =
                    change < 0 ? inverse[1][1] : inverse[1][1] + inverse[change][change] + 2 * inverse[1][change];
            parameters.put("slopeVariance", sigma * sigma * (1 + rho) / (1 - rho) * element);
        }
        for (Regressor regressor : design.regressors()) {
            parameters.put(regressor.name(), effect(regressor.name()));
            if (regressor.kind() == Regressor.Kind.TREND_CHANGE) {
                int step = 0;
                while (step < regressor.length() && regressor.value(step) == 0) {
                    step++;
                }
                parameters.put("slopeBefore", coefficients[1]);
                parameters.put(regressor.name() + " step", (double) (step - 1));
            }
        }
        String name = switch (model.scale()) {
            case ADDITIVE -> "Regression";
            case MULTIPLICATIVE -> "Regression(multiplicative)";
            case LOGISTIC -> "Regression(logistic, cap " + model.cap() + ")";
        };
        return new Provenance(name, ImmutableMap.copyOf(parameters), observations);
    }

    RegressionModel.Design design() {
        return design;
    }

    /** (X′X + penalties)⁻¹ of the fit. */
    double[][] inverse() {
        return inverse;
    }

    /** The fitted value, on the model's scale, of a design row. */
    double linear(double[] row) {
        double sum = 0;
        for (int i = 0; i < row.length; i++) {
            sum += row[i] * coefficients[i];
        }
        return sum;
    }

    private int indexOf(String name) {
        for (int i = 0; i < design.regressors().size(); i++) {
            if (design.regressors().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no regressor called " + name);
    }
}
