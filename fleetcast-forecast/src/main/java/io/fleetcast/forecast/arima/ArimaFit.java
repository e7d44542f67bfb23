package io.fleetcast.forecast.arima;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Provenance;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted ARIMA model: its orders, coefficients, likelihood and information criteria (defined as R's
 * {@code forecast::Arima} defines them, so that the numbers compare directly), and the filtered state at the last
 * observation, from which it forecasts. Immutable.
 */
public final class ArimaFit {
    private final ArimaOrder order;
    private final boolean constant;
    private final double[] coefficients;
    private final double logLikelihood;
    private final double sigma2;
    private final double likelihoodVariance;
    private final int observations;
    private final KalmanFilter filter;

    ArimaFit(
            ArimaOrder order,
            boolean constant,
            double[] coefficients,
            double logLikelihood,
            double sigma2,
            double likelihoodVariance,
            int observations,
            KalmanFilter filter) {
        this.order = order;
        this.constant = constant;
        this.coefficients = coefficients.clone();
        this.logLikelihood = logLikelihood;
        this.sigma2 = sigma2;
        this.likelihoodVariance = likelihoodVariance;
        this.observations = observations;
        this.filter = filter;
    }

    public ArimaOrder order() {
        return order;
    }

    /** True when the model has a constant: a mean (no differencing) or a drift (one difference). */
    public boolean hasConstant() {
        return constant;
    }

    /** As R prints the model: {@code ARIMA(1,1,1) with drift}, {@code ARIMA(2,0,0) with non-zero mean}, ... */
    public String description() {
        String model = order.toString();
        if (constant) {
            return model + (order.differences() == 0 ? " with non-zero mean" : " with drift");
        }
        return order.differences() == 0 ? model + " with zero mean" : model;
    }

    /** The name of each coefficient, in R's order: {@code ar1.., ma1.., sar1.., sma1..}, then intercept or drift. */
    public static String[] coefficientNames(ArimaOrder order, boolean constant) {
        String[] names = new String[order.coefficientCount() + (constant ? 1 : 0)];
        int next = 0;
        for (int i = 1; i <= order.p(); i++) {
            names[next++] = "ar" + i;
        }
        for (int i = 1; i <= order.q(); i++) {
            names[next++] = "ma" + i;
        }
        for (int i = 1; i <= order.seasonalP(); i++) {
            names[next++] = "sar" + i;
        }
        for (int i = 1; i <= order.seasonalQ(); i++) {
            names[next++] = "sma" + i;
        }
        if (constant) {
            names[next] = order.differences() == 0 ? "intercept" : "drift";
        }
        return names;
    }

    /** The estimated coefficients by name, in R's order (see {@link #coefficientNames}). */
    public ImmutableMap<String, Double> coefficients() {
        String[] names = coefficientNames(order, constant);
        ImmutableMap.Builder<String, Double> map = ImmutableMap.builder();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], coefficients[i]);
        }
        return map.build();
    }

    /** The exact Gaussian log-likelihood of the differenced series, as R's arima reports it. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** The number of parameters the criteria count: the coefficients and the innovation variance. */
    public int criterionParameters() {
        return coefficients.length + 1;
    }

    /** {@code n - d - D m}: the observations left after differencing. */
    public int effectiveObservations() {
        return observations - order.differencingLength();
    }

    public double aic() {
        return -2 * logLikelihood + 2.0 * criterionParameters();
    }

    /** AIC plus {@code 2 k (k + 1) / (n* - k - 1)}; infinite when {@code n* <= k + 1} (too few observations). */
    public double aicc() {
        return correctedAic(aic(), criterionParameters(), effectiveObservations());
    }

    static double correctedAic(double aic, int parameters, int effectiveObservations) {
        double denominator = effectiveObservations - parameters - 1.0;
        return denominator > 0 ? aic + 2.0 * parameters * (parameters + 1) / denominator : Double.POSITIVE_INFINITY;
    }

    public double bic() {
        return aic() + criterionParameters() * (Math.log(effectiveObservations()) - 2);
    }

    /**
     * The innovation variance as R's forecast package sets it (and uses for intervals): the sum of squared residuals
     * over {@code n* - k + 1}.
     */
    public double sigma2() {
        return sigma2;
    }

    /** The innovation variance as the likelihood estimates it (R's {@code stats::arima} sigma2): S / (n - d - D m). */
    double likelihoodVariance() {
        return likelihoodVariance;
    }

    public int observations() {
        return observations;
    }

    /** Orders, period, coefficients and sigma2, in that order, for provenance. */
    public ImmutableMap<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("p", (double) order.p());
        parameters.put("d", (double) order.d());
        parameters.put("q", (double) order.q());
        parameters.put("P", (double) order.seasonalP());
        parameters.put("D", (double) order.seasonalD());
        parameters.put("Q", (double) order.seasonalQ());
        parameters.put("period", (double) order.period());
        parameters.putAll(coefficients());
        parameters.put("sigma2", sigma2);
        return ImmutableMap.copyOf(parameters);
    }

    /**
     * Point forecasts and 80%/95% normal intervals for the {@code horizon} steps after the last observation: the
     * Kalman filter's predictions from the final state, plus the regression effect; standard errors
     * {@code sqrt(sigma2 * v_h)} with v_h the prediction variance of the state-space form (R's {@code predict.Arima}).
     */
    public Forecast forecast(int horizon) {
        checkArgument(horizon >= 0, "horizon must be >= 0, got %s", horizon);
        double[] mean = new double[horizon];
        double[] variance = new double[horizon];
        filter.forecast(horizon, mean, variance);
        double[] standardErrors = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            if (constant) {
                double beta = coefficients[coefficients.length - 1];
                mean[h] += order.differences() == 0 ? beta : beta * (observations + h + 1);
            }
            standardErrors[h] = Math.sqrt(variance[h] * sigma2);
        }
        return Forecast.normal(Provenance.of(description(), parameters(), observations), mean, standardErrors);
    }
}
