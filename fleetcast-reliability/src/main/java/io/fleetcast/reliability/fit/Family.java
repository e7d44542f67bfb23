package io.fleetcast.reliability.fit;

import com.google.common.collect.ImmutableList;
import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.distribution.Exponential;
import io.fleetcast.reliability.distribution.GammaLife;
import io.fleetcast.reliability.distribution.Gumbel;
import io.fleetcast.reliability.distribution.LifeDistribution;
import io.fleetcast.reliability.distribution.Loglogistic;
import io.fleetcast.reliability.distribution.Lognormal;
import io.fleetcast.reliability.distribution.Normal;
import io.fleetcast.reliability.distribution.Weibull;
import io.fleetcast.reliability.distribution.WeibullCompetingRisks;
import io.fleetcast.reliability.distribution.WeibullMixture;
import java.util.ArrayList;
import java.util.List;

/** A family of life distributions that can be fitted: its parameters, which are positive, and where a fit starts. */
public enum Family {
    WEIBULL_2P("Weibull_2P", ImmutableList.of("scale", "shape"), true, true),
    EXPONENTIAL_1P("Exponential_1P", ImmutableList.of("rate"), true, true),
    LOGNORMAL_2P("Lognormal_2P", ImmutableList.of("mu", "sigma"), true, false),
    NORMAL_2P("Normal_2P", ImmutableList.of("mu", "sigma"), false, false),
    GAMMA_2P("Gamma_2P", ImmutableList.of("shape", "scale"), true, true),
    LOGLOGISTIC_2P("Loglogistic_2P", ImmutableList.of("scale", "shape"), true, true),
    GUMBEL_2P("Gumbel_2P", ImmutableList.of("mu", "sigma"), false, false),
    WEIBULL_3P("Weibull_3P", ImmutableList.of("scale", "shape", "location"), true, true),
    EXPONENTIAL_2P("Exponential_2P", ImmutableList.of("rate", "location"), true, true),
    LOGNORMAL_3P("Lognormal_3P", ImmutableList.of("mu", "sigma", "location"), true, false),
    /** Two Weibull subpopulations, {@link WeibullMixture}; fitted from several starts. */
    WEIBULL_MIXTURE("Weibull_Mixture", ImmutableList.of("scale1", "shape1", "scale2", "shape2", "p1"), true, true),
    /** Two Weibull failure modes in series, {@link WeibullCompetingRisks}; fitted from several starts. */
    WEIBULL_CR("Weibull_CR", ImmutableList.of("scale1", "shape1", "scale2", "shape2"), true, true);

    private static final double EULER = 0.5772156649015329;

    private final String label;
    private final ImmutableList<String> parameterNames;
    private final boolean positiveTimes;
    private final boolean firstPositive;

    Family(String label, ImmutableList<String> parameterNames, boolean positiveTimes, boolean firstPositive) {
        this.label = label;
        this.parameterNames = parameterNames;
        this.positiveTimes = positiveTimes;
        this.firstPositive = firstPositive;
    }

    /** The name reports use, e.g. {@code Weibull_2P}. */
    public String label() {
        return label;
    }

    /** The parameters' names, in the order {@link #create} takes them. */
    public ImmutableList<String> parameterNames() {
        return parameterNames;
    }

    /** Whether the family's lives are positive, so that a failure at time 0 is impossible under it. */
    public boolean positiveTimes() {
        return positiveTimes;
    }

    /** Whether parameter {@code index} must be above 0 (a proportion is not counted here: see {@link #proportion}). */
    public boolean positive(int index) {
        return !parameterNames.get(index).equals("location") && !proportion(index) && (index > 0 || firstPositive);
    }

    /** Whether parameter {@code index} is a proportion, strictly between 0 and 1 (a mixture's share {@code p1}). */
    public boolean proportion(int index) {
        return parameterNames.get(index).equals("p1");
    }

    /** Whether the family has two Weibull components (a mixture or competing risks), fitted from several starts. */
    public boolean hasTwoWeibulls() {
        return this == WEIBULL_MIXTURE || this == WEIBULL_CR;
    }

    /** Whether the family has a location (a failure-free time γ before which no unit fails). */
    public boolean hasLocation() {
        return parameterNames.contains("location");
    }

    /** The family without its location: Weibull_2P for Weibull_3P, and so on; itself when it has none. */
    public Family withoutLocation() {
        return switch (this) {
            case WEIBULL_3P -> WEIBULL_2P;
            case EXPONENTIAL_2P -> EXPONENTIAL_1P;
            case LOGNORMAL_3P -> LOGNORMAL_2P;
            default -> this;
        };
    }

    /**
     * The distribution with {@code parameters} in {@link #parameterNames()} order.
     *
     * @throws IllegalArgumentException when a parameter is out of its range
     */
    public LifeDistribution create(double[] parameters) {
        return switch (this) {
            case WEIBULL_2P -> Weibull.of(parameters[0], parameters[1]);
            case EXPONENTIAL_1P -> new Exponential(parameters[0], 0);
            case LOGNORMAL_2P -> new Lognormal(parameters[0], parameters[1], 0);
            case NORMAL_2P -> new Normal(parameters[0], parameters[1]);
            case GAMMA_2P -> new GammaLife(parameters[0], parameters[1]);
            case LOGLOGISTIC_2P -> new Loglogistic(parameters[0], parameters[1]);
            case GUMBEL_2P -> new Gumbel(parameters[0], parameters[1]);
            case WEIBULL_3P -> new Weibull(parameters[0], parameters[1], parameters[2]);
            case EXPONENTIAL_2P -> new Exponential(parameters[0], parameters[1]);
            case LOGNORMAL_3P -> new Lognormal(parameters[0], parameters[1], parameters[2]);
            case WEIBULL_MIXTURE ->
                new WeibullMixture(parameters[0], parameters[1], parameters[2], parameters[3], parameters[4]);
            case WEIBULL_CR -> new WeibullCompetingRisks(parameters[0], parameters[1], parameters[2], parameters[3]);
        };
    }

    /**
     * Starting values from the failure times (exact, interval midpoints, half a left-censored time; suspensions do not
     * count), by moments on the time or log-time scale.
     */
    double[] start(LifeData data) {
        List<Double> times = failureTimes(data);
        if (times.isEmpty()) {
            data.rightCensored().forEach(o -> addTimes(times, o.lower(), o.count()));
        }
        double mean = 0;
        double logMean = 0;
        for (double t : times) {
            mean += t;
            logMean += Math.log(Math.max(t, 1e-12));
        }
        mean /= times.size();
        logMean /= times.size();
        double variance = 0;
        double logVariance = 0;
        for (double t : times) {
            variance += (t - mean) * (t - mean);
            double log = Math.log(Math.max(t, 1e-12)) - logMean;
            logVariance += log * log;
        }
        double sd = Math.sqrt(variance / Math.max(1, times.size() - 1));
        double logSd = Math.sqrt(logVariance / Math.max(1, times.size() - 1));
        sd = sd > 0 ? sd : Math.max(Math.abs(mean), 1) * 0.5;
        logSd = logSd > 0 ? logSd : 0.5;
        double totalTime = 0;
        for (LifeData.Observation o : data.failures()) {
            totalTime += o.lower() * o.count();
        }
        for (LifeData.Observation o : data.rightCensored()) {
            totalTime += o.lower() * o.count();
        }
        return switch (this) {
            case WEIBULL_2P -> {
                double shape = 1.2825 / logSd;
                yield new double[] {Math.exp(logMean + EULER / shape), shape};
            }
            case EXPONENTIAL_1P ->
                new double[] {totalTime > 0 ? data.failureCount() / totalTime : 1 / Math.max(mean, 1e-12)};
            case LOGNORMAL_2P -> new double[] {logMean, logSd};
            case NORMAL_2P -> new double[] {mean, sd};
            case GAMMA_2P -> new double[] {mean * mean / (sd * sd), sd * sd / mean};
            case LOGLOGISTIC_2P -> new double[] {Math.exp(logMean), Math.PI / (Math.sqrt(3) * logSd)};
            case GUMBEL_2P -> {
                double sigma = sd * Math.sqrt(6) / Math.PI;
                yield new double[] {mean + EULER * sigma, sigma};
            }
            case WEIBULL_3P, EXPONENTIAL_2P, LOGNORMAL_3P ->
                throw new IllegalStateException(label + " is fitted by profile likelihood on its location");
            case WEIBULL_MIXTURE, WEIBULL_CR ->
                throw new IllegalStateException(label + " is fitted from several starts (TwoWeibullStarts)");
        };
    }

    /**
     * A time for each failed unit (up to 10,000 per observation): the exact time, an interval's midpoint, half a
     * left-censored unit's inspection time.
     */
    static List<Double> failureTimes(LifeData data) {
        List<Double> times = new ArrayList<>();
        data.failures().forEach(o -> addTimes(times, o.lower(), o.count()));
        data.intervals().forEach(o -> addTimes(times, (o.lower() + o.upper()) / 2, o.count()));
        data.leftCensored().forEach(o -> addTimes(times, o.upper() / 2, o.count()));
        return times;
    }

    private static void addTimes(List<Double> times, double time, long count) {
        for (long i = 0; i < Math.min(count, 10_000); i++) {
            times.add(time);
        }
    }

    /** The family named {@code label} (as {@link #label()} gives it, any case); empty for another name. */
    public static java.util.Optional<Family> byLabel(String label) {
        for (Family family : values()) {
            if (family.label.equalsIgnoreCase(label)
                    || family.label.replace("_", "").equalsIgnoreCase(label)) {
                return java.util.Optional.of(family);
            }
        }
        return java.util.Optional.empty();
    }
}
