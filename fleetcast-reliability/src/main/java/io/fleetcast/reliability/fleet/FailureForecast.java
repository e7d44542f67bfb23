package io.fleetcast.reliability.fleet;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.reliability.distribution.LifeDistribution;
import io.fleetcast.reliability.distribution.StandardNormal;
import io.fleetcast.reliability.fit.Family;
import io.fleetcast.reliability.fit.LifeFit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;

/**
 * Expected failures of units in service at known ages over coming periods, with an interval that holds both sources
 * of doubt: which units fail (each unit's failure in a period is a Bernoulli trial, given survival so far) and what the
 * life distribution is (its parameters are drawn from the fit's asymptotic normal law, log-transformed for positive
 * parameters). By the law of total variance the spread is the mean of the trial variance over the draws plus the
 * variance of the expectation over them; the interval is the normal one around the expectation, floored at 0.
 */
public final class FailureForecast {
    /** Parameter draws: enough for the interval's second digit, cheap since ages are grouped. */
    private static final int DRAWS = 200;

    private FailureForecast() {}

    /**
     * One period's forecast.
     *
     * @param from the period's start, as time from now in the fit's time unit
     * @param to its end
     * @param expected the expected failures at the estimates
     * @param lower the lower bound of the interval at the requested confidence
     * @param upper the upper bound
     * @param parameterShare the share of the variance that comes from the parameters' uncertainty (0 to 1)
     */
    public record Period(double from, double to, double expected, double lower, double upper, double parameterShare) {}

    /**
     * Forecasts failures in each of the consecutive periods ending at {@code boundaries} (times from now, ascending,
     * the first period starting now).
     *
     * @param fit the fitted life distribution
     * @param agesInService units in service now: age (in the fit's time unit) to how many units have it
     * @param boundaries the periods' ends
     * @param confidence the two-sided level of the intervals, e.g. 0.95
     * @param seed the seed of the parameter draws (results are reproducible)
     */
    public static ImmutableList<Period> forecast(
            LifeFit fit, Map<Double, Long> agesInService, List<Double> boundaries, double confidence, long seed) {
        requireNonNull(fit, "fit is null");
        requireNonNull(agesInService, "agesInService is null");
        double previous = 0;
        for (double boundary : boundaries) {
            if (!(boundary > previous)) {
                throw new IllegalArgumentException("period ends must be positive and ascending, got " + boundaries);
            }
            previous = boundary;
        }
        int periods = boundaries.size();
        double[] ages = new double[agesInService.size()];
        double[] counts = new double[ages.length];
        int index = 0;
        for (Map.Entry<Double, Long> entry : agesInService.entrySet()) {
            ages[index] = entry.getKey();
            counts[index] = entry.getValue();
            index++;
        }
        double[] expected = new double[periods];
        double[] unused = new double[periods];
        expectations(fit.distribution(), ages, counts, boundaries, expected, unused);

        List<LifeDistribution> draws = draws(fit, new SplittableRandom(seed));
        double[] sumMean = new double[periods];
        double[] sumSquareMean = new double[periods];
        double[] sumTrialVariance = new double[periods];
        double[] mean = new double[periods];
        double[] trialVariance = new double[periods];
        for (LifeDistribution draw : draws) {
            expectations(draw, ages, counts, boundaries, mean, trialVariance);
            for (int p = 0; p < periods; p++) {
                sumMean[p] += mean[p];
                sumSquareMean[p] += mean[p] * mean[p];
                sumTrialVariance[p] += trialVariance[p];
            }
        }
        double z = StandardNormal.twoSided(confidence);
        ImmutableList.Builder<Period> result = ImmutableList.builder();
        double from = 0;
        int n = draws.size();
        for (int p = 0; p < periods; p++) {
            double drawMean = sumMean[p] / n;
            double parameterVariance = Math.max(0, sumSquareMean[p] / n - drawMean * drawMean);
            double variance = sumTrialVariance[p] / n + parameterVariance;
            double sd = Math.sqrt(variance);
            result.add(new Period(
                    from,
                    boundaries.get(p),
                    expected[p],
                    Math.max(0, expected[p] - z * sd),
                    expected[p] + z * sd,
                    variance > 0 ? parameterVariance / variance : 0));
            from = boundaries.get(p);
        }
        return result.build();
    }

    /** Per period: Σ count × P(fail in it | alive now), and Σ count × p (1 − p). */
    private static void expectations(
            LifeDistribution distribution,
            double[] ages,
            double[] counts,
            List<Double> boundaries,
            double[] mean,
            double[] trialVariance) {
        java.util.Arrays.fill(mean, 0);
        java.util.Arrays.fill(trialVariance, 0);
        for (int u = 0; u < ages.length; u++) {
            double logAlive = distribution.logSf(ages[u]);
            double survivedBefore = 1;
            for (int p = 0; p < boundaries.size(); p++) {
                double survivedAfter = Math.exp(distribution.logSf(ages[u] + boundaries.get(p)) - logAlive);
                double probability = Double.isNaN(survivedAfter) ? 0 : Math.max(0, survivedBefore - survivedAfter);
                mean[p] += counts[u] * probability;
                trialVariance[p] += counts[u] * probability * (1 - probability);
                survivedBefore = Double.isNaN(survivedAfter) ? survivedBefore : survivedAfter;
            }
        }
    }

    /** Distributions with parameters drawn from the fit's asymptotic normal law; draws out of range are skipped. */
    private static List<LifeDistribution> draws(LifeFit fit, SplittableRandom random) {
        Family family = fit.family();
        ImmutableList<String> names = family.parameterNames();
        int k = names.size();
        double[] centre = new double[k];
        boolean[] logScale = new boolean[k];
        for (int i = 0; i < k; i++) {
            double value = fit.parameter(names.get(i));
            logScale[i] = family.positive(i) && value > 0;
            centre[i] = logScale[i] ? Math.log(value) : value;
        }
        double[][] covariance = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double c = fit.covariance().get(i).get(j);
                if (logScale[i]) {
                    c /= fit.parameter(names.get(i));
                }
                if (logScale[j]) {
                    c /= fit.parameter(names.get(j));
                }
                covariance[i][j] = c;
            }
        }
        double[][] factor = cholesky(covariance);
        ImmutableList.Builder<LifeDistribution> draws = ImmutableList.builder();
        double[] normal = new double[k];
        double[] parameters = new double[k];
        for (int d = 0; d < DRAWS; d++) {
            for (int i = 0; i < k; i++) {
                normal[i] = gaussian(random);
            }
            for (int i = 0; i < k; i++) {
                double value = centre[i];
                for (int j = 0; j <= i; j++) {
                    value += factor[i][j] * normal[j];
                }
                parameters[i] = logScale[i] ? Math.exp(value) : value;
            }
            try {
                draws.add(family.create(parameters.clone()));
            } catch (IllegalArgumentException outOfRange) {
                // e.g. a location drawn below 0: that draw is not a distribution of the family
            }
        }
        List<LifeDistribution> result = draws.build();
        return result.isEmpty() ? List.of(fit.distribution()) : result;
    }

    /**
     * The lower Cholesky factor; a matrix that is not positive definite (a parameter the data hardly inform) falls
     * back to its diagonal, ignoring correlations.
     */
    private static double[][] cholesky(double[][] matrix) {
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(matrix), 1e-12, 1e-300)
                    .getL()
                    .getData();
        } catch (MathIllegalArgumentException notPositiveDefinite) {
            int k = matrix.length;
            double[][] factor = new double[k][k];
            for (int i = 0; i < k; i++) {
                factor[i][i] = matrix[i][i] > 0 && Double.isFinite(matrix[i][i]) ? Math.sqrt(matrix[i][i]) : 0;
            }
            return factor;
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller, one of the pair.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
