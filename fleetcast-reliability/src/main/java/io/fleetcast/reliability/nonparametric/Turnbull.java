package io.fleetcast.reliability.nonparametric;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.fleetcast.reliability.data.LifeData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turnbull's non-parametric maximum-likelihood estimate of the reliability from exact, right-, left- and
 * interval-censored units (Turnbull 1976, J. R. Statist. Soc. B 38, 290–295). The estimate puts its probability on
 * the innermost intervals, each a left end of some unit's interval followed by the next right end with none between,
 * and finds the masses by self-consistency (the EM algorithm): each unit's count is shared among the innermost
 * intervals inside its own in proportion to their current masses, until no mass moves by more than
 * {@link #TOLERANCE}. Inside an innermost interval the estimate does not say when the failures happened. With exact
 * failures and suspensions only it is the Kaplan–Meier estimate.
 *
 * <p>A unit failed between l and u failed in (l, u]; one failed before an inspection at u, in (0, u]; one suspended
 * at t, in (t, ∞); an exact failure at t, at t.
 */
public final class Turnbull {
    /** The largest change of any mass at which the iteration stops. */
    public static final double TOLERANCE = 1e-12;

    private static final int MAX_ITERATIONS = 1_000_000;

    private Turnbull() {}

    /**
     * An innermost interval and the probability the estimate puts on it.
     *
     * @param lower where it starts: failures in it happened after {@code lower}, or at it if {@code lower} =
     *     {@code upper} (an exact failure time)
     * @param upper where it ends (failures happened by {@code upper}); infinite after the last suspension
     * @param mass the estimated share of units that failed in it
     * @param survival the estimated reliability after it: 1 − the masses up to and including it
     */
    public record Step(double lower, double upper, double mass, double survival) {}

    /**
     * The estimate.
     *
     * @param steps the innermost intervals in time order, with their masses (a mass can be 0)
     * @param iterations the self-consistency iterations taken
     * @param converged whether the masses settled within {@link #TOLERANCE} (else the iteration limit stopped it)
     */
    public record Estimate(ImmutableList<Step> steps, int iterations, boolean converged) {}

    /** One end of a unit's interval; at equal times an exact failure's start sorts first, then ends, then starts. */
    private record End(double time, int order, boolean start) {}

    /** A unit's interval with its count: an exact failure when {@code exact}, else (lower, upper]. */
    private record Unit(double lower, double upper, boolean exact, long count) {
        boolean contains(Step step, boolean stepExact) {
            boolean startsInside = exact
                    ? stepExact && step.lower() == lower
                    : step.lower() > lower || (step.lower() == lower && !stepExact);
            return startsInside && step.upper() <= upper;
        }
    }

    /**
     * The NPMLE of the reliability of {@code data}.
     *
     * @throws IllegalArgumentException for data with delayed entry (left truncation), which this estimator does not
     *     take, or without a failure
     */
    public static Estimate estimate(LifeData data) {
        checkArgument(
                data.entries().isEmpty(), "Turnbull's estimator with delayed entry (left truncation) is not here");
        checkArgument(
                data.failureCount() > 0, "Turnbull's estimator needs at least one failure; every unit is suspended");
        LifeData compact = data.compact();
        List<Unit> units = new ArrayList<>();
        compact.failures().forEach(o -> units.add(new Unit(o.lower(), o.lower(), true, o.count())));
        compact.rightCensored()
                .forEach(o -> units.add(new Unit(o.lower(), Double.POSITIVE_INFINITY, false, o.count())));
        compact.leftCensored().forEach(o -> units.add(new Unit(0, o.upper(), false, o.count())));
        compact.intervals().forEach(o -> units.add(new Unit(o.lower(), o.upper(), false, o.count())));

        List<End> ends = new ArrayList<>();
        for (Unit unit : units) {
            ends.add(new End(unit.lower(), unit.exact() ? 0 : 2, true));
            ends.add(new End(unit.upper(), 1, false));
        }
        ends.sort(Comparator.comparingDouble(End::time).thenComparingInt(End::order));
        List<Step> innermost = new ArrayList<>();
        List<Boolean> exact = new ArrayList<>();
        for (int i = 0; i + 1 < ends.size(); i++) {
            End left = ends.get(i);
            End right = ends.get(i + 1);
            if (left.start() && !right.start()) {
                innermost.add(new Step(left.time(), right.time(), 0, 0));
                exact.add(left.order() == 0);
            }
        }
        int m = innermost.size();
        // Which innermost intervals lie inside each unit's interval.
        int[][] inside = new int[units.size()][];
        for (int i = 0; i < units.size(); i++) {
            List<Integer> js = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                if (units.get(i).contains(innermost.get(j), exact.get(j))) {
                    js.add(j);
                }
            }
            inside[i] = js.stream().mapToInt(Integer::intValue).toArray();
        }
        double total = units.stream().mapToLong(Unit::count).sum();
        double[] mass = new double[m];
        Arrays.fill(mass, 1.0 / m);
        int iteration = 0;
        boolean converged = false;
        while (!converged && iteration < MAX_ITERATIONS) {
            iteration++;
            double[] next = new double[m];
            for (int i = 0; i < units.size(); i++) {
                double share = 0;
                for (int j : inside[i]) {
                    share += mass[j];
                }
                double weight = units.get(i).count() / (share * total);
                for (int j : inside[i]) {
                    next[j] += mass[j] * weight;
                }
            }
            double change = 0;
            for (int j = 0; j < m; j++) {
                change = Math.max(change, Math.abs(next[j] - mass[j]));
            }
            mass = next;
            converged = change < TOLERANCE;
        }
        ImmutableList.Builder<Step> steps = ImmutableList.builder();
        double failed = 0;
        for (int j = 0; j < m; j++) {
            failed += mass[j];
            Step step = innermost.get(j);
            steps.add(new Step(step.lower(), step.upper(), mass[j], Math.max(0, 1 - failed)));
        }
        return new Estimate(steps.build(), iteration, converged);
    }
}
