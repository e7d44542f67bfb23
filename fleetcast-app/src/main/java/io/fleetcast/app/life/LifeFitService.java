package io.fleetcast.app.life;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.distribution.LifeDistribution;
import io.fleetcast.reliability.fit.Family;
import io.fleetcast.reliability.fit.LifeFit;
import io.fleetcast.reliability.fit.LikelihoodRatioBounds;
import io.fleetcast.reliability.fit.MaximumLikelihood;
import io.fleetcast.reliability.fit.QuotedQuantities;
import io.fleetcast.reliability.fit.RankRegression;
import io.fleetcast.reliability.fit.RankRegressionFit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code fleetcast life fit}: fits a life distribution (or every one, ranked) to a life-data file. Stateless.
 */
public final class LifeFitService {
    /** The command-line names of the distributions fitted, to their families. */
    private static final ImmutableMap<String, Family> FITTED = ImmutableMap.<String, Family>builder()
            .put("weibull2p", Family.WEIBULL_2P)
            .put("weibull3p", Family.WEIBULL_3P)
            .put("exponential1p", Family.EXPONENTIAL_1P)
            .put("exponential2p", Family.EXPONENTIAL_2P)
            .put("lognormal2p", Family.LOGNORMAL_2P)
            .put("lognormal3p", Family.LOGNORMAL_3P)
            .put("normal", Family.NORMAL_2P)
            .put("gamma", Family.GAMMA_2P)
            .put("loglogistic", Family.LOGLOGISTIC_2P)
            .put("gumbel", Family.GUMBEL_2P)
            .put("weibullmixture", Family.WEIBULL_MIXTURE)
            .put("weibullcr", Family.WEIBULL_CR)
            .buildOrThrow();

    /**
     * One distribution in a ranking.
     *
     * @param distribution its name, e.g. {@code Weibull_2P}
     * @param aicc its AICc (lower is better; with the log-likelihood at the estimates for rank regression)
     * @param bic its BIC (lower is better; the order of a maximum-likelihood ranking)
     * @param andersonDarling its Anderson–Darling statistic (lower is better; the order of a rank-regression
     *     ranking); null in a maximum-likelihood ranking, and where it is infinite
     */
    public record Ranked(
            String distribution,
            double aicc,
            double bic,
            @Nullable Double andersonDarling) {}

    /**
     * What {@code life fit} is asked for.
     *
     * @param input the life-data file
     * @param dist {@code weibull2p}, ..., or {@code best}
     * @param method {@code mle}, {@code rrx} or {@code rry}
     * @param confidence the two-sided confidence level of every bound
     * @param bounds {@code fisher} (Fisher matrix, delta method) or {@code lr} (likelihood ratio; Weibull 2P by
     *     maximum likelihood)
     * @param bLifePercents the B-lives to quote, in percent failed (1, 10 and 50 by default)
     * @param mission the mission time for the reliability, conditional reliability and hazard; null for none
     * @param age the age the units have survived to, for the conditional reliability (0: new units)
     */
    public record Request(
            Path input,
            String dist,
            String method,
            double confidence,
            String bounds,
            ImmutableList<Double> bLifePercents,
            @Nullable Double mission,
            double age) {
        /** The defaults of {@code life fit}: Fisher-matrix bounds, B1, B10 and B50, no mission. */
        public static Request of(Path input, String dist, String method, double confidence) {
            return new Request(input, dist, method, confidence, "fisher", DEFAULT_B_LIVES, null, 0);
        }
    }

    /** The B-lives quoted unless others are asked for: B1, B10, B50. */
    public static final ImmutableList<Double> DEFAULT_B_LIVES = ImmutableList.of(1.0, 10.0, 50.0);

    /**
     * A B-life: the time by which {@code percent}% of the units have failed.
     *
     * @param percent the share failed, in percent (10 for B10)
     * @param life the estimate, in the data's time unit
     * @param bounds its two-sided bounds; empty where there are none (rank regression)
     */
    public record BLife(double percent, double life, ImmutableList<Double> bounds) {}

    /**
     * The quantities of a mission of length {@code time} (with {@code --mission}), each with its bounds (empty where
     * there are none).
     *
     * @param time the mission's length
     * @param age the age the units have survived to
     * @param reliability R(time): a new unit's probability of lasting the mission
     * @param reliabilityBounds its bounds
     * @param conditionalReliability R(age + time) / R(age): the probability that a unit of that age lasts the mission
     * @param conditionalReliabilityBounds its bounds
     * @param hazard the failure rate h(time), failures per unit time per surviving unit
     * @param hazardBounds its bounds
     */
    public record Mission(
            double time,
            double age,
            double reliability,
            ImmutableList<Double> reliabilityBounds,
            double conditionalReliability,
            ImmutableList<Double> conditionalReliabilityBounds,
            double hazard,
            ImmutableList<Double> hazardBounds) {}

    /**
     * The fit of a file, as {@code --json} prints it (DESIGN.md's names).
     *
     * @param distribution the distribution fitted, e.g. {@code Weibull_2P}
     * @param method {@code MLE}, {@code RRX} or {@code RRY}
     * @param params the estimates by Fleetcast's parameter names
     * @param loglik the log-likelihood at the estimates
     * @param aicc Akaike's criterion, small-sample corrected
     * @param bic the Bayesian criterion
     * @param bounds each parameter's two-sided bounds at {@code confidence} (Fisher matrix; empty for rank regression)
     * @param standardErrors each parameter's standard error (empty for rank regression)
     * @param confidence the bounds' confidence level
     * @param b10 the time by which 10% fail, in the data's unit
     * @param mttf the mean time to failure, in the data's unit
     * @param b10Bounds the B10 life's bounds at {@code confidence} (delta method, log scale); empty for rank regression
     * @param mttfBounds the MTTF's bounds likewise
     * @param failures the units that failed (exactly, before an inspection or between two)
     * @param suspensions the units still working at their last time
     * @param ranking with {@code --dist best}, every distribution by BIC (maximum likelihood) or by Anderson–Darling
     *     (rank regression), best first; else empty
     * @param boundsMethod {@code fisher}, {@code lr}, or {@code none} (rank regression has no bounds)
     * @param bLives the B-lives asked for (B1, B10, B50 by default) with their bounds
     * @param mission with {@code --mission}, the mission's reliability, conditional reliability and hazard; else null
     * @param andersonDarling rank regression's Anderson–Darling statistic against the median ranks; null for maximum
     *     likelihood, and where it is infinite
     * @param correlation rank regression's correlation coefficient of the probability plot; null for maximum
     *     likelihood
     */
    public record Result(
            String input,
            String distribution,
            String method,
            ImmutableMap<String, Double> params,
            double loglik,
            double aicc,
            double bic,
            ImmutableMap<String, ImmutableList<Double>> bounds,
            ImmutableMap<String, Double> standardErrors,
            double confidence,
            double b10,
            double mttf,
            ImmutableList<Double> b10Bounds,
            ImmutableList<Double> mttfBounds,
            long failures,
            long suspensions,
            ImmutableList<Ranked> ranking,
            String boundsMethod,
            ImmutableList<BLife> bLives,
            @Nullable Mission mission,
            @Nullable Double andersonDarling,
            @Nullable Double correlation) {}

    private LifeFitService() {}

    /**
     * The family a command-line name ({@code weibull2p}, {@code lognormal2p}, ...) fits.
     *
     * @throws FleetcastException {@code BAD_INPUT} for another name, or one not fitted yet
     */
    public static Family family(String dist) {
        String name = dist.toLowerCase(Locale.ROOT);
        Family family = FITTED.get(name);
        if (family != null) {
            return family;
        }
        throw FleetcastException.badInput(
                "unknown distribution \"" + dist + "\"; use one of " + String.join(", ", FITTED.keySet()));
    }

    /**
     * Fits {@code dist} ({@code weibull2p}, ..., or {@code best}) to {@code file} by {@code method} ({@code mle},
     * {@code rrx} or {@code rry}) with Fisher-matrix bounds at {@code confidence}, quoting B1, B10 and B50.
     *
     * @throws FleetcastException {@code BAD_INPUT} naming the file and line for bad data, and saying why for a
     *     distribution, method or data set that cannot be fitted
     */
    public static Result fit(Path file, String dist, String method, double confidence) {
        return fit(Request.of(file, dist, method, confidence));
    }

    /**
     * Fits as {@code request} asks: by maximum likelihood (with {@code best}, every family ranked by BIC) or by rank
     * regression on X or Y (with {@code best}, ranked by Anderson–Darling), with Fisher-matrix or likelihood-ratio
     * bounds on the parameters and on every quantity quoted.
     *
     * @throws FleetcastException {@code BAD_INPUT} naming the file and line for bad data, and saying why for a
     *     distribution, method, bounds or data set that cannot be fitted
     */
    public static Result fit(Request request) {
        Path file = request.input();
        String name = request.dist().toLowerCase(Locale.ROOT);
        String how = request.method().toLowerCase(Locale.ROOT);
        String boundsMethod = request.bounds().toLowerCase(Locale.ROOT);
        double confidence = request.confidence();
        if (!(confidence > 0 && confidence < 1)) {
            throw FleetcastException.badInput("--confidence must be between 0 and 1 (e.g. 0.95), got " + confidence);
        }
        if (!name.equals("best") && !FITTED.containsKey(name)) {
            throw FleetcastException.badInput("unknown distribution \"" + request.dist() + "\"; use one of "
                    + String.join(", ", FITTED.keySet()) + " or best");
        }
        if (!List.of("mle", "rrx", "rry").contains(how)) {
            throw FleetcastException.badInput("unknown method \"" + request.method() + "\"; use mle, rrx or rry");
        }
        checkQuoted(request, name, how, boundsMethod);
        LifeData data = LifeDataFile.read(file);
        try {
            if (!how.equals("mle")) {
                RankRegression.Axis axis = how.equals("rrx") ? RankRegression.Axis.X : RankRegression.Axis.Y;
                return name.equals("best")
                        ? bestByRankRegression(request, data, axis)
                        : rankRegression(
                                request, RankRegression.fit(family(name), data, axis), data, ImmutableList.of());
            }
            if (name.equals("best")) {
                return best(request, data);
            }
            return result(request, MaximumLikelihood.fit(family(name), data, confidence), data, ImmutableList.of());
        } catch (IllegalArgumentException e) {
            throw FleetcastException.badInput(file + ": " + e.getMessage());
        }
    }

    private static void checkQuoted(Request request, String name, String how, String boundsMethod) {
        if (!List.of("fisher", "lr").contains(boundsMethod)) {
            throw FleetcastException.badInput("unknown bounds \"" + request.bounds() + "\"; use fisher or lr");
        }
        if (boundsMethod.equals("lr") && !(name.equals("weibull2p") && how.equals("mle"))) {
            throw FleetcastException.badInput("--bounds lr (likelihood ratio) is for --dist weibull2p --method mle; use"
                    + " --bounds fisher for " + name + " by " + how);
        }
        for (double percent : request.bLifePercents()) {
            if (!(percent > 0 && percent < 100)) {
                throw FleetcastException.badInput(
                        "--b takes the percent failed, above 0 and below 100 (10 for B10), got " + percent);
            }
        }
        Double mission = request.mission();
        if (mission != null && !(mission > 0 && Double.isFinite(mission))) {
            throw FleetcastException.badInput("--mission must be a time above 0, got " + mission);
        }
        if (!(request.age() >= 0 && Double.isFinite(request.age()))) {
            throw FleetcastException.badInput("--age must be a time of at least 0, got " + request.age());
        }
        if (request.age() > 0 && mission == null) {
            throw FleetcastException.badInput("--age needs --mission: the conditional reliability is over a mission");
        }
    }

    private static Result best(Request request, LifeData data) {
        List<LifeFit> fits = new ArrayList<>();
        for (Family family : FITTED.values()) {
            if (data.failureCount() >= family.parameterNames().size()) {
                try {
                    fits.add(MaximumLikelihood.fit(family, data, request.confidence()));
                } catch (IllegalArgumentException cannotFit) {
                    // A family the data cannot support (a failure at 0 for positive lives) is not ranked.
                }
            }
        }
        if (fits.isEmpty()) {
            throw noneFits(request, data);
        }
        fits.sort(Comparator.comparingDouble(LifeFit::bic).thenComparingDouble(LifeFit::aicc));
        ImmutableList<Ranked> ranking = fits.stream()
                .map(fit -> new Ranked(fit.family().label(), fit.aicc(), fit.bic(), null))
                .collect(ImmutableList.toImmutableList());
        return result(request, fits.get(0), data, ranking);
    }

    private static Result bestByRankRegression(Request request, LifeData data, RankRegression.Axis axis) {
        List<RankRegressionFit> fits = new ArrayList<>();
        for (Family family : FITTED.values()) {
            try {
                fits.add(RankRegression.fit(family, data, axis));
            } catch (IllegalArgumentException cannotFit) {
                // Too few failures for the family, or a failure at 0 for positive lives: not ranked.
            }
        }
        if (fits.isEmpty()) {
            // The reason is the same for every family (say, interval data): let the simplest one give it.
            RankRegression.fit(Family.EXPONENTIAL_1P, data, axis);
            throw noneFits(request, data);
        }
        fits.sort(Comparator.comparingDouble(RankRegressionFit::andersonDarling)
                .thenComparingDouble(fit -> -fit.correlation()));
        ImmutableList<Ranked> ranking = fits.stream()
                .map(fit -> new Ranked(
                        fit.fit().family().label(), fit.fit().aicc(), fit.fit().bic(), finite(fit.andersonDarling())))
                .collect(ImmutableList.toImmutableList());
        return rankRegression(request, fits.get(0), data, ranking);
    }

    private static FleetcastException noneFits(Request request, LifeData data) {
        return FleetcastException.badInput(request.input() + ": no distribution can be fitted to these data ("
                + data.failureCount() + " failures)");
    }

    private static Result rankRegression(
            Request request, RankRegressionFit fit, LifeData data, ImmutableList<Ranked> ranking) {
        return result(request, fit.fit(), data, ranking, "none", finite(fit.andersonDarling()), fit.correlation());
    }

    private static Result result(Request request, LifeFit fit, LifeData data, ImmutableList<Ranked> ranking) {
        return result(request, fit, data, ranking, request.bounds().toLowerCase(Locale.ROOT), null, null);
    }

    /** The quantities users quote, with Fisher-matrix or likelihood-ratio bounds (none for rank regression). */
    private static Result result(
            Request request,
            LifeFit fit,
            LifeData data,
            ImmutableList<Ranked> ranking,
            String boundsMethod,
            @Nullable Double andersonDarling,
            @Nullable Double correlation) {
        LifeDistribution distribution = fit.distribution();
        LikelihoodRatioBounds lr = boundsMethod.equals("lr") ? LikelihoodRatioBounds.of(fit, data) : null;
        QuotedQuantities quoted = lr != null ? lr : fit;
        ImmutableMap<String, ImmutableList<Double>> parameterBounds = fit.bounds();
        if (lr != null) {
            ImmutableMap.Builder<String, ImmutableList<Double>> builder = ImmutableMap.builder();
            for (String parameter : fit.family().parameterNames()) {
                builder.put(parameter, bounds(lr.parameter(parameter)));
            }
            parameterBounds = builder.buildOrThrow();
        }
        ImmutableList<BLife> bLives = request.bLifePercents().stream()
                .map(percent -> {
                    LifeFit.Bounded life = quoted.life(percent / 100);
                    return new BLife(percent, life.estimate(), bounds(life));
                })
                .collect(ImmutableList.toImmutableList());
        Double missionTime = request.mission();
        Mission mission = null;
        if (missionTime != null) {
            LifeFit.Bounded reliability = quoted.reliability(missionTime);
            LifeFit.Bounded conditional = quoted.conditionalReliability(missionTime, request.age());
            LifeFit.Bounded hazard = quoted.hazard(missionTime);
            mission = new Mission(
                    missionTime,
                    request.age(),
                    reliability.estimate(),
                    bounds(reliability),
                    conditional.estimate(),
                    bounds(conditional),
                    hazard.estimate(),
                    bounds(hazard));
        }
        return new Result(
                request.input().toString(),
                fit.family().label(),
                boundsMethod.equals("none") ? request.method().toUpperCase(Locale.ROOT) : "MLE",
                distribution.parameters(),
                fit.logLikelihood(),
                fit.aicc(),
                fit.bic(),
                parameterBounds,
                fit.standardErrors(),
                request.confidence(),
                distribution.quantile(0.10),
                distribution.mean(),
                bounds(quoted.life(0.10)),
                bounds(quoted.meanLife()),
                data.failureCount(),
                data.unitCount() - data.failureCount(),
                ranking,
                boundsMethod,
                bLives,
                mission,
                andersonDarling,
                correlation);
    }

    /** JSON has no infinity: an infinite or undefined statistic is reported as absent. */
    private static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static ImmutableList<Double> bounds(LifeFit.Bounded bounded) {
        return Double.isFinite(bounded.lower()) && Double.isFinite(bounded.upper())
                ? ImmutableList.of(bounded.lower(), bounded.upper())
                : ImmutableList.of();
    }
}
