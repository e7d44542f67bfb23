package io.fleetcast.reliability.nonparametric;

/**
 * The estimate just after a time at which units failed.
 *
 * @param time the failure time
 * @param atRisk units still working just before it (suspensions at the same time count as at risk)
 * @param failures units that failed at it
 * @param survival the estimated reliability just after it
 * @param lower the lower confidence bound of the reliability (0 where there is none)
 * @param upper the upper confidence bound of the reliability (1 where there is none)
 */
public record SurvivalStep(double time, long atRisk, long failures, double survival, double lower, double upper) {}
