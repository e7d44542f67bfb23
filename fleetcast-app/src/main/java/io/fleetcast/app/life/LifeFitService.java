package io.fleetcast.app.life;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.distribution.LifeDistribution;
import io.fleetcast.reliability.distribution.Weibull;
import io.fleetcast.reliability.fit.Family;
import io.fleetcast.reliability.fit.LifeFit;
import io.fleetcast.reliability.fit.MaximumLikelihood;
import io.fleetcast.reliability.fit.RankRegression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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
            .buildOrThrow();

    /**
     * One distribution in a ranking.
     *
     * @param distribution its name, e.g. {@code Weibull_2P}
     * @param aicc its AICc (lower is better)
     * @param bic its BIC (lower is better; the ranking's order)
     */
    public record Ranked(String distribution, double aicc, double bic) {}

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
     * @param ranking with {@code --dist best}, every distribution by BIC, best first; else empty
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
            ImmutableList<Ranked> ranking) {}

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
     * {@code rrx} or {@code rry}) with bounds at {@code confidence}.
     *
     * @throws FleetcastException {@code BAD_INPUT} naming the file and line for bad data, and saying why for a
     *     distribution, method or data set that cannot be fitted
     */
    public static Result fit(Path file, String dist, String method, double confidence) {
        String name = dist.toLowerCase(Locale.ROOT);
        String how = method.toLowerCase(Locale.ROOT);
        if (!(confidence > 0 && confidence < 1)) {
            throw FleetcastException.badInput("--confidence must be between 0 and 1 (e.g. 0.95), got " + confidence);
        }
        if (!name.equals("best") && !FITTED.containsKey(name)) {
            throw FleetcastException.badInput("unknown distribution \"" + dist + "\"; use one of "
                    + String.join(", ", FITTED.keySet()) + " or best");
        }
        if (!List.of("mle", "rrx", "rry").contains(how)) {
            throw FleetcastException.badInput("unknown method \"" + method + "\"; use mle, rrx or rry");
        }
        LifeData data = LifeDataFile.read(file);
        long suspensions = data.unitCount() - data.failureCount();
        try {
            if (!how.equals("mle")) {
                return rankRegression(file, name, how, data, confidence, suspensions);
            }
            if (name.equals("best")) {
                return best(file, data, confidence, suspensions);
            }
            Family family = family(name);
            return result(file, MaximumLikelihood.fit(family, data, confidence), data, suspensions, ImmutableList.of());
        } catch (IllegalArgumentException e) {
            throw FleetcastException.badInput(file + ": " + e.getMessage());
        }
    }

    private static Result best(Path file, LifeData data, double confidence, long suspensions) {
        List<LifeFit> fits = new ArrayList<>();
        for (Family family : FITTED.values()) {
            if (data.failureCount() >= family.parameterNames().size()) {
                try {
                    fits.add(MaximumLikelihood.fit(family, data, confidence));
                } catch (IllegalArgumentException cannotFit) {
                    // A family the data cannot support (a failure at 0 for positive lives) is not ranked.
                }
            }
        }
        if (fits.isEmpty()) {
            throw FleetcastException.badInput(
                    file + ": no distribution can be fitted to these data (" + data.failureCount() + " failures)");
        }
        fits.sort(Comparator.comparingDouble(LifeFit::bic).thenComparingDouble(LifeFit::aicc));
        ImmutableList<Ranked> ranking = fits.stream()
                .map(fit -> new Ranked(fit.family().label(), fit.aicc(), fit.bic()))
                .collect(ImmutableList.toImmutableList());
        return result(file, fits.get(0), data, suspensions, ranking);
    }

    private static Result rankRegression(
            Path file, String name, String how, LifeData data, double confidence, long suspensions) {
        if (!name.equals("weibull2p")) {
            throw FleetcastException.badInput(
                    "rank regression (--method " + how + ") fits weibull2p so far; use --method mle for " + name);
        }
        Weibull weibull =
                RankRegression.weibull(data, how.equals("rrx") ? RankRegression.Axis.X : RankRegression.Axis.Y);
        double loglik = MaximumLikelihood.logLikelihood(weibull, data);
        return new Result(
                file.toString(),
                weibull.name(),
                how.toUpperCase(Locale.ROOT),
                weibull.parameters(),
                loglik,
                MaximumLikelihood.aicc(loglik, 2, data.unitCount()),
                MaximumLikelihood.bic(loglik, 2, data.unitCount()),
                ImmutableMap.of(),
                ImmutableMap.of(),
                confidence,
                weibull.quantile(0.10),
                weibull.mean(),
                ImmutableList.of(),
                ImmutableList.of(),
                data.failureCount(),
                suspensions,
                ImmutableList.of());
    }

    private static Result result(
            Path file, LifeFit fit, LifeData data, long suspensions, ImmutableList<Ranked> ranking) {
        LifeDistribution distribution = fit.distribution();
        return new Result(
                file.toString(),
                fit.family().label(),
                "MLE",
                distribution.parameters(),
                fit.logLikelihood(),
                fit.aicc(),
                fit.bic(),
                fit.bounds(),
                fit.standardErrors(),
                fit.confidence(),
                distribution.quantile(0.10),
                distribution.mean(),
                bounds(fit.life(0.10)),
                bounds(fit.meanLife()),
                data.failureCount(),
                suspensions,
                ranking);
    }

    private static ImmutableList<Double> bounds(LifeFit.Bounded bounded) {
        return Double.isFinite(bounded.lower()) && Double.isFinite(bounded.upper())
                ? ImmutableList.of(bounded.lower(), bounded.upper())
                : ImmutableList.of();
    }
}
