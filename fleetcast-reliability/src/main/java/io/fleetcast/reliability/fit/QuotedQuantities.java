package io.fleetcast.reliability.fit;

/**
 * The quantities reliability engineers quote, each with two-sided bounds: from a fit's Fisher matrix ({@link LifeFit})
 * or from likelihood ratios ({@link LikelihoodRatioBounds}). Times are in the data's unit.
 */
public interface QuotedQuantities {
    /** The life by which a share {@code p} (0 < p < 1) has failed: the B10 life for 0.10. */
    LifeFit.Bounded life(double p);

    /** The mean life (MTTF). */
    LifeFit.Bounded meanLife();

    /** The reliability R(t): the probability that a new unit works past {@code t}. */
    LifeFit.Bounded reliability(double t);

    /** R(age + mission) / R(age): the probability that a unit that has reached {@code age} lasts the mission. */
    LifeFit.Bounded conditionalReliability(double mission, double age);

    /** The hazard (failure rate) h(t) = f(t) / R(t). */
    LifeFit.Bounded hazard(double t);
}
