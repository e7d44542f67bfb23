package io.fleetcast.forecast.optimize;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Derivative-free minimisation by the Nelder-Mead simplex method (reflection 1, expansion 2, contraction 0.5,
 * shrink 0.5), with a starting simplex whose edges are given per coordinate, so that parameters of very different
 * scales (a smoothing weight and a level in the thousands) move sensibly. The function may return
 * {@code Double.POSITIVE_INFINITY} (or any huge value) outside the feasible region. Stops when the function values of
 * the simplex agree within {@code tolerance} (relative) or after {@code maxEvaluations}.
 */
public final class NelderMead {
    private final double tolerance;
    private final int maxEvaluations;

    public NelderMead(double tolerance, int maxEvaluations) {
        checkArgument(tolerance > 0, "tolerance must be > 0, got %s", tolerance);
        checkArgument(maxEvaluations > 0, "maxEvaluations must be > 0, got %s", maxEvaluations);
        this.tolerance = tolerance;
        this.maxEvaluations = maxEvaluations;
    }

    /** Minimises {@code function} from {@code start}, with first simplex edges {@code steps} (one per coordinate). */
    public Minimum minimize(ToDoubleFunction<double[]> function, double[] start, double[] steps) {
        int dimensions = start.length;
        checkArgument(steps.length == dimensions, "one step per coordinate");
        if (dimensions == 0) {
            return new Minimum(new double[0], function.applyAsDouble(new double[0]), 1, true);
        }
        double[][] simplex = new double[dimensions + 1][];
        double[] values = new double[dimensions + 1];
        simplex[0] = start.clone();
        values[0] = function.applyAsDouble(simplex[0]);
        for (int i = 0; i < dimensions; i++) {
            double[] vertex = start.clone();
            vertex[i] += steps[i];
            simplex[i + 1] = vertex;
            values[i + 1] = function.applyAsDouble(vertex);
        }
        int evaluations = dimensions + 1;
        boolean converged = false;
        double[] centroid = new double[dimensions];
        double[] trial = new double[dimensions];
        double[] second = new double[dimensions];
        while (evaluations < maxEvaluations) {
            sort(simplex, values);
            double best = values[0];
            double worst = values[dimensions];
            if (Math.abs(worst - best) <= tolerance * (Math.abs(best) + tolerance)) {
                converged = true;
                break;
            }
            Arrays.fill(centroid, 0);
            for (int v = 0; v < dimensions; v++) {
                for (int i = 0; i < dimensions; i++) {
                    centroid[i] += simplex[v][i] / dimensions;
                }
            }
            double[] worstPoint = simplex[dimensions];
            combine(centroid, worstPoint, -1, trial); // reflection: c + (c - w)
            double reflected = function.applyAsDouble(trial);
            evaluations++;
            if (reflected < best) {
                combine(centroid, worstPoint, -2, second); // expansion: c + 2(c - w)
                double expanded = function.applyAsDouble(second);
                evaluations++;
                if (expanded < reflected) {
                    replaceWorst(simplex, values, second, expanded);
                } else {
                    replaceWorst(simplex, values, trial, reflected);
                }
            } else if (reflected < values[dimensions - 1]) {
                replaceWorst(simplex, values, trial, reflected);
            } else {
                boolean outside = reflected < worst;
                // contraction: outside c + 0.5(c - w), inside c - 0.5(c - w)
                combine(centroid, worstPoint, outside ? -0.5 : 0.5, second);
                double contracted = function.applyAsDouble(second);
                evaluations++;
                if (contracted < Math.min(reflected, worst)) {
                    replaceWorst(simplex, values, second, contracted);
                } else {
                    for (int v = 1; v <= dimensions; v++) {
                        for (int i = 0; i < dimensions; i++) {
                            simplex[v][i] = simplex[0][i] + 0.5 * (simplex[v][i] - simplex[0][i]);
                        }
                        values[v] = function.applyAsDouble(simplex[v]);
                    }
                    evaluations += dimensions;
                }
            }
        }
        sort(simplex, values);
        return new Minimum(simplex[0], values[0], evaluations, converged);
    }

    /** {@code out = centroid + factor * (point - centroid)}. */
    private static void combine(double[] centroid, double[] point, double factor, double[] out) {
        for (int i = 0; i < centroid.length; i++) {
            out[i] = centroid[i] + factor * (point[i] - centroid[i]);
        }
    }

    private static void replaceWorst(double[][] simplex, double[] values, double[] point, double value) {
        int worst = values.length - 1;
        System.arraycopy(point, 0, simplex[worst], 0, point.length);
        values[worst] = value;
    }

    /** Insertion sort of the vertices by value, best first (the simplex is small). */
    private static void sort(double[][] simplex, double[] values) {
        for (int i = 1; i < values.length; i++) {
            double value = values[i];
            double[] vertex = simplex[i];
            int j = i - 1;
            while (j >= 0 && (values[j] > value || Double.isNaN(values[j]))) {
                values[j + 1] = values[j];
                simplex[j + 1] = simplex[j];
                j--;
            }
            values[j + 1] = value;
            simplex[j + 1] = vertex;
        }
    }
}
