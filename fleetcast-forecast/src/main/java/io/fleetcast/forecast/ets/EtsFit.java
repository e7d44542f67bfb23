package io.fleetcast.forecast.ets;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Provenance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A fitted ETS model: smoothing parameters, initial states, the likelihood and information criteria as R's
 * {@code forecast::ets} reports them ({@code loglik = -0.5 n log(sum e^2)} (minus {@code sum log|forecast|} for
 * multiplicative errors); AIC, AICc and BIC count the error variance as a parameter), and the final state to forecast
 * from. Immutable.
 */
public final class EtsFit {
    private static final int SIMULATED_PATHS = 2000;
    private static final long SIMULATION_SEED = 0x5EED_E75L;

    private final EtsModel model;
    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double phi;
    private final double initialLevel;
    private final double initialTrend;
    private final double[] initialSeasonal;
    private final EtsRecursion.State finalState;
    private final int observations;
    private final double objective;
    private final double sigma;

    EtsFit(
            EtsModel model,
            double[] parameters,
            double[] initialSeasonal,
            EtsRecursion.State finalState,
            int observations,
            double objective,
            double sumOfSquares) {
        this.model = model;
        this.alpha = parameters[0];
        this.beta = parameters[1];
        this.gamma = parameters[2];
        this.phi = parameters[3];
        this.initialLevel = parameters[4];
        this.initialTrend = parameters[5];
        this.initialSeasonal = initialSeasonal;
        this.finalState = finalState;
        this.observations = observations;
        this.objective = objective;
        this.sigma = Math.sqrt(sumOfSquares / Math.max(1, observations - model.parameterCount()));
    }

    public EtsModel model() {
        return model;
    }

    public double alpha() {
        return alpha;
    }

    /** The trend smoothing weight in error-correction form (R's {@code beta}); 0 without trend. */
    public double beta() {
        return beta;
    }

    /** The seasonal smoothing weight; 0 without seasonality. */
    public double gamma() {
        return gamma;
    }

    /** The damping factor; 1 without damping. */
    public double phi() {
        return phi;
    }

    public double initialLevel() {
        return initialLevel;
    }

    public double initialTrend() {
        return initialTrend;
    }

    /** The initial seasonal states, most recent first (R's {@code s0, s1, ...}), all {@code period} of them. */
    public double[] initialSeasonal() {
        return initialSeasonal.clone();
    }

    /** As R's ets reports it: {@code -0.5 * (n log(sum e^2) + 2 sum log|forecast| for multiplicative errors)}. */
    public double logLikelihood() {
        return -0.5 * objective;
    }

    /** Parameters counted by the information criteria: the estimated ones and the error variance. */
    public int criterionParameters() {
        return model.parameterCount() + 1;
    }

    public double aic() {
        return objective + 2.0 * criterionParameters();
    }

    public double aicc() {
        int k = criterionParameters();
        double denominator = observations - k - 1.0;
        return denominator > 0 ? aic() + 2.0 * k * (k + 1) / denominator : Double.POSITIVE_INFINITY;
    }

    public double bic() {
        return objective + Math.log(observations) * criterionParameters();
    }

    /** The residual standard deviation, {@code sqrt(sum e^2 / (n - parameters))} (relative errors for M models). */
    public double sigma() {
        return sigma;
    }

    public int observations() {
        return observations;
    }

    /** The parameters, in the order R's ets lists them. */
    public ImmutableMap<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("alpha", alpha);
        if (model.hasTrend()) {
            parameters.put("beta", beta);
        }
        if (model.isSeasonal()) {
            parameters.put("gamma", gamma);
        }
        if (model.isDamped()) {
            parameters.put("phi", phi);
        }
        parameters.put("l", initialLevel);
        if (model.hasTrend()) {
            parameters.put("b", initialTrend);
        }
        for (int i = 0; i < initialSeasonal.length; i++) {
            parameters.put("s" + i, initialSeasonal[i]);
        }
        parameters.put("sigma", sigma);
        return ImmutableMap.copyOf(parameters);
    }

    /**
     * Point forecasts and 80%/95% intervals: analytic for the linear models (additive error, no multiplicative
     * season; Hyndman et al. 2008, chapter 6), otherwise quantiles of simulated sample paths with normal errors (a
     * fixed seed: the same fit gives the same intervals).
     */
    public Forecast forecast(int horizon) {
        EtsRecursion recursion = new EtsRecursion(model);
        double[] mean = recursion.forecast(finalState, observations, horizon, phi);
        Provenance provenance = Provenance.of(model.name(), parameters(), observations);
        if (model.isLinear()) {
            return Forecast.normal(provenance, mean, linearStandardErrors(horizon));
        }
        return simulated(recursion, provenance, mean, horizon);
    }

    /** sigma * sqrt(1 + sum_{j<h} c_j^2) with c_j = alpha + beta * (trend growth to j) + gamma * [j = k m]. */
    private double[] linearStandardErrors(int horizon) {
        double[] errors = new double[horizon];
        double sum = 0;
        double phiSum = 0;
        double phiPower = 1;
        for (int h = 1; h <= horizon; h++) {
            errors[h - 1] = sigma * Math.sqrt(1 + sum);
            double growth;
            switch (model.trend()) {
                case NONE -> growth = 0;
                case ADDITIVE -> growth = h;
                default -> {
                    phiPower *= phi;
                    phiSum += phiPower;
                    growth = phiSum;
                }
            }
            double c = alpha + beta * growth + (model.isSeasonal() && h % model.period() == 0 ? gamma : 0);
            sum += c * c;
        }
        return errors;
    }

    private Forecast simulated(EtsRecursion recursion, Provenance provenance, double[] mean, int horizon) {
        SplittableRandom random = new SplittableRandom(SIMULATION_SEED);
        double[][] paths = new double[horizon][SIMULATED_PATHS];
        boolean multiplicative = model.error() == EtsModel.ErrorType.MULTIPLICATIVE;
        for (int path = 0; path < SIMULATED_PATHS; path++) {
            EtsRecursion.State state = finalState.copy();
            for (int h = 0; h < horizon; h++) {
                int t = observations + h;
                double forecast = recursion.forecastOne(state, t, phi);
                double error = sigma * gaussian(random);
                double y = multiplicative ? forecast * (1 + error) : forecast + error;
                paths[h][path] = y;
                recursion.update(state, t, y, alpha, beta, gamma, phi);
            }
        }
        double[] lower80 = new double[horizon];
        double[] upper80 = new double[horizon];
        double[] lower95 = new double[horizon];
        double[] upper95 = new double[horizon];
        int[] ranks = quantileRanks(SIMULATED_PATHS, 0.025, 0.10, 0.90, 0.975);
        for (int h = 0; h < horizon; h++) {
            double[] values = paths[h];
            OrderStatistics.place(values, ranks);
            lower80[h] = quantile(values, 0.10);
            upper80[h] = quantile(values, 0.90);
            lower95[h] = quantile(values, 0.025);
            upper95[h] = quantile(values, 0.975);
        }
        return Forecast.of(provenance, mean, lower80, upper80, lower95, upper95);
    }

    /** A standard normal draw (Box-Muller; one of the pair is enough here). */
    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** The places {@link #quantile} reads for these probabilities in a sample of {@code n}, ascending. */
    private static int[] quantileRanks(int n, double... probabilities) {
        IntStream.Builder ranks = IntStream.builder();
        for (double p : probabilities) {
            int below = (int) Math.floor(p * (n - 1));
            ranks.add(below).add(Math.min(below + 1, n - 1));
        }
        return ranks.build().distinct().sorted().toArray();
    }

    /**
     * The {@code p} quantile of sorted {@code values}, interpolating linearly (R's type 7). Only the two places it
     * reads need to be in sorted order ({@link #quantileRanks}).
     */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
