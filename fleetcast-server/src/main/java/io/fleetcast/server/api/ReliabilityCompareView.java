package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.reliability.fit.LifeFit;
import io.fleetcast.reliability.fit.LikelihoodRatio;
import io.fleetcast.server.api.ReliabilityView.BoundedView;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/reliability/compare}: whether two segments' lives differ, by the likelihood-ratio test (the family
 * fitted to each and to both together).
 *
 * @param by the segmentation
 * @param distribution the family fitted
 * @param statistic 2 (ln L_a + ln L_b − ln L_pooled)
 * @param degreesOfFreedom the family's number of parameters
 * @param pValue the probability of a statistic this large if the two do not differ
 * @param differ whether they differ at the 5% level ({@code p_value} below 0.05)
 * @param fits the fit of {@code a}, then of {@code b}
 * @param pooledLogLikelihood the log-likelihood of the fit to both together
 */
public record ReliabilityCompareView(
        String by,
        String distribution,
        double statistic,
        int degreesOfFreedom,
        double pValue,
        boolean differ,
        List<SideView> fits,
        double pooledLogLikelihood) {
    /** The level below which {@code p_value} says the two differ. */
    static final double SIGNIFICANCE = 0.05;

    public ReliabilityCompareView {
        requireNonNull(by, "by is null");
        requireNonNull(distribution, "distribution is null");
        fits = ImmutableList.copyOf(fits);
    }

    static ReliabilityCompareView of(String by, String a, String b, LikelihoodRatio test) {
        return new ReliabilityCompareView(
                by,
                test.first().family().label(),
                test.statistic(),
                test.degreesOfFreedom(),
                test.pValue(),
                test.pValue() < SIGNIFICANCE,
                List.of(SideView.of(a, test.first()), SideView.of(b, test.second())),
                test.pooled().logLikelihood());
    }

    /**
     * One segment's own fit.
     *
     * @param segment the segment
     * @param parameters the estimates with bounds
     * @param b10Days the age in days by which 10% fail, with bounds
     * @param logLikelihood the log-likelihood at the estimates
     */
    public record SideView(
            String segment, Map<String, BoundedView> parameters, BoundedView b10Days, double logLikelihood) {
        public SideView {
            requireNonNull(segment, "segment is null");
            parameters = ImmutableMap.copyOf(parameters);
            requireNonNull(b10Days, "b10Days is null");
        }

        static SideView of(String segment, LifeFit fit) {
            return new SideView(
                    segment,
                    ReliabilityView.parametersOf(fit.distribution().parameters(), fit.bounds()),
                    BoundedView.of(fit.life(0.10)),
                    fit.logLikelihood());
        }
    }
}
