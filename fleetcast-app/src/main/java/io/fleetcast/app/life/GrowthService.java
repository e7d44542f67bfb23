package io.fleetcast.app.life;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.reliability.fit.LifeFit.Bounded;
import io.fleetcast.reliability.growth.CrowAmsaa;
import io.fleetcast.reliability.growth.CrowAmsaaFit;
import io.fleetcast.reliability.growth.GrowthData;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/** {@code fleetcast life growth}: the Crow-AMSAA reliability growth model fitted to a file of failures. */
public final class GrowthService {
    private GrowthService() {}

    /**
     * The fit as the command reports it. Times are cumulative operating time in the file's unit; MTBFs too.
     *
     * @param model {@code Crow-AMSAA}
     * @param systems the systems (1 for grouped data)
     * @param failures the failures
     * @param end the end of observation, where the MTBFs are quoted
     * @param failureTerminated whether the test stopped at its last failure
     * @param beta β, maximum likelihood, with bounds ({@code boundsMethod})
     * @param unbiasedBeta β corrected for bias where the exact theory gives it, else {@code null}
     * @param lambda λ with Fisher bounds
     * @param growthRate 1 − β with bounds
     * @param boundsMethod {@code crow} (exact χ²) or {@code fisher}
     * @param instantaneousMtbf the MTBF of the configuration at the end, 1 / (λ β end^(β−1)), with bounds
     * @param cumulativeMtbf the mean time between all failures so far per the model, with bounds
     * @param trendPValue the p-value of the test of no trend (β = 1)
     * @param loglik the log-likelihood
     * @param ahead the time ahead asked for, or {@code null}
     * @param expectedFailuresAhead expected failures of one system in (end, end + ahead] with bounds, or empty
     * @param confidence the two-sided level of the bounds
     */
    public record Result(
            String model,
            int systems,
            long failures,
            double end,
            boolean failureTerminated,
            Bounded beta,
            @Nullable Double unbiasedBeta,
            Bounded lambda,
            Bounded growthRate,
            String boundsMethod,
            Bounded instantaneousMtbf,
            Bounded cumulativeMtbf,
            double trendPValue,
            double loglik,
            @Nullable Double ahead,
            ImmutableList<Bounded> expectedFailuresAhead,
            double confidence) {}

    /** Fits the model to {@code input}. */
    public static Result fit(Path input, OptionalDouble end, double confidence, OptionalDouble ahead) {
        if (!(confidence > 0 && confidence < 1)) {
            throw FleetcastException.badInput("--confidence must be between 0 and 1, got " + confidence);
        }
        if (ahead.isPresent() && !(ahead.orElseThrow() > 0)) {
            throw FleetcastException.badInput("--ahead must be above 0, got " + ahead.orElseThrow());
        }
        GrowthData data = GrowthFile.read(input, end);
        CrowAmsaaFit fit;
        try {
            fit = CrowAmsaa.fit(data, confidence);
        } catch (IllegalArgumentException e) {
            throw FleetcastException.badInput(input + ": " + e.getMessage());
        }
        double stop = fit.end();
        return new Result(
                "Crow-AMSAA",
                data.isGrouped() ? 1 : data.systems().size(),
                fit.failures(),
                stop,
                data.isFailureTerminated(),
                fit.betaBounds(),
                fit.unbiasedBeta().isPresent() ? fit.unbiasedBeta().orElseThrow() : null,
                fit.lambdaBounds(),
                fit.growthRate(),
                fit.boundsMethod(),
                fit.instantaneousMtbf(stop),
                fit.cumulativeMtbf(stop),
                fit.trendPValue(),
                fit.logLikelihood(),
                ahead.isPresent() ? ahead.orElseThrow() : null,
                ahead.isPresent()
                        ? ImmutableList.of(fit.expectedFailures(stop, stop + ahead.orElseThrow()))
                        : ImmutableList.of(),
                confidence);
    }
}
