package io.fleetcast.reliability.nonparametric;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.distribution.StandardNormal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Kaplan–Meier and Nelson–Aalen estimates of the reliability from exact failures and suspensions (left- and
 * interval-censored units need {@link Turnbull}'s estimator).
 */
public final class Survival {
    private Survival() {}

    /** Failures and suspensions at each distinct time, in time order. */
    private record Tally(double time, long failures, long suspensions) {}

    private static List<Tally> tally(LifeData data) {
        checkArgument(
                data.exactFailuresOnly(),
                "Kaplan-Meier and Nelson-Aalen take exact failures and suspensions; these data have left- or"
                        + " interval-censored units");
        checkArgument(
                data.entries().isEmpty(),
                "Kaplan-Meier and Nelson-Aalen with delayed entry (left truncation) are not here yet");
        TreeMap<Double, long[]> byTime = new TreeMap<>();
        data.failures().forEach(o -> byTime.computeIfAbsent(o.lower(), t -> new long[2])[0] += o.count());
        data.rightCensored().forEach(o -> byTime.computeIfAbsent(o.lower(), t -> new long[2])[1] += o.count());
        List<Tally> tallies = new ArrayList<>();
        byTime.forEach((time, counts) -> tallies.add(new Tally(time, counts[0], counts[1])));
        return tallies;
    }

    /**
     * The Kaplan–Meier (product-limit) estimate at each failure time, with Greenwood's variance and two-sided normal
     * bounds at {@code confidence}, clipped to [0, 1] (R's {@code survfit(conf.type = "plain")}).
     */
    public static ImmutableList<SurvivalStep> kaplanMeier(LifeData data, double confidence) {
        checkArgument(confidence > 0 && confidence < 1, "the confidence must be between 0 and 1, got %s", confidence);
        double z = StandardNormal.twoSided(confidence);
        long atRisk = data.unitCount();
        double survival = 1;
        double greenwood = 0;
        ImmutableList.Builder<SurvivalStep> steps = ImmutableList.builder();
        for (Tally tally : tally(data)) {
            if (tally.failures() > 0) {
                survival *= 1 - (double) tally.failures() / atRisk;
                greenwood += atRisk > tally.failures()
                        ? (double) tally.failures() / ((double) atRisk * (atRisk - tally.failures()))
                        : Double.POSITIVE_INFINITY;
                double se = survival * Math.sqrt(greenwood);
                boolean defined = Double.isFinite(se);
                steps.add(new SurvivalStep(
                        tally.time(),
                        atRisk,
                        tally.failures(),
                        survival,
                        defined ? Math.max(0, survival - z * se) : 0,
                        defined ? Math.min(1, survival + z * se) : 1));
            }
            atRisk -= tally.failures() + tally.suspensions();
        }
        return steps.build();
    }

    /**
     * The Nelson–Aalen estimate of the cumulative hazard, H(t) = Σ failures / at risk over the failure times up to t, as
     * reliability exp(−H(t)), at each failure time (no bounds).
     */
    public static ImmutableList<SurvivalStep> nelsonAalen(LifeData data) {
        long atRisk = data.unitCount();
        double hazard = 0;
        ImmutableList.Builder<SurvivalStep> steps = ImmutableList.builder();
        for (Tally tally : tally(data)) {
            if (tally.failures() > 0) {
                hazard += (double) tally.failures() / atRisk;
                steps.add(new SurvivalStep(tally.time(), atRisk, tally.failures(), Math.exp(-hazard), 0, 1));
            }
            atRisk -= tally.failures() + tally.suspensions();
        }
        return steps.build();
    }
}
