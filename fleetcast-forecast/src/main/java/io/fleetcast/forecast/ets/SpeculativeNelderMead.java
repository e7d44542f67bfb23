package io.fleetcast.forecast.ets;

import static com.google.common.base.Preconditions.checkArgument;

import io.fleetcast.forecast.optimize.NelderMead;
import java.util.Arrays;

/**
 * The {@linkplain NelderMead Nelder-Mead} search, point for point and with the same result, for functions that
 * evaluate two points in little more time than one (the ETS likelihood: each step of its recursion waits for the one
 * before, so two recursions interleaved keep the processor busy where one leaves it waiting). Each iteration evaluates
 * its reflection together with the point it will probably need next: the expansion after an iteration that expanded,
 * the inside contraction otherwise. A wrong guess costs one more evaluation, as the plain search does anyway. The
 * starting simplex and shrinks are evaluated two vertices at a time.
 */
final class SpeculativeNelderMead {
    /** A function to minimise that evaluates two points at once. */
    interface PairedFunction {
        double value(double[] point);

        /** Puts the values at {@code first} and {@code second} into {@code into[0]} and {@code into[1]}. */
        void values(double[] first, double[] second, double[] into);
    }

    /** The best vertex found and its value. */
    static final class Result {
        private final double[] point;
        private final double value;
        private final int evaluations;

        private Result(double[] point, double value, int evaluations) {
            this.point = point.clone();
            this.value = value;
            this.evaluations = evaluations;
        }

        double[] point() {
            return point.clone();
        }

        double value() {
            return value;
        }

        /** The evaluations the plain search makes: the speculative ones that were not needed are not counted. */
        int evaluations() {
            return evaluations;
        }
    }

    private final double tolerance;
    private final int maxEvaluations;

    /** As {@link NelderMead#NelderMead(double, int)}. */
    SpeculativeNelderMead(double tolerance, int maxEvaluations) {
        checkArgument(tolerance > 0, "tolerance must be > 0, got %s", tolerance);
        checkArgument(maxEvaluations > 0, "maxEvaluations must be > 0, got %s", maxEvaluations);
        this.tolerance = tolerance;
        this.maxEvaluations = maxEvaluations;
    }

    /** As {@link NelderMead#minimize}. */
    Result minimize(PairedFunction function, double[] start, double[] steps) {
        int dimensions = start.length;
        checkArgument(steps.length == dimensions, "one step per coordinate");
        if (dimensions == 0) {
            return new Result(new double[0], function.value(new double[0]), 1);
        }
        Simplex simplex = new Simplex(function, start, steps);
        int evaluations = dimensions + 1;
        boolean expectExpansion = false;
        double[] centroid = new double[dimensions];
        double[] reflection = new double[dimensions];
        double[] next = new double[dimensions];
        double[] pair = new double[2];
        while (evaluations < maxEvaluations) {
            simplex.sort();
            double best = simplex.values[0];
            double worst = simplex.values[dimensions];
            if (Math.abs(worst - best) <= tolerance * (Math.abs(best) + tolerance)) {
                break;
            }
            simplex.centroid(centroid);
            double[] worstPoint = simplex.vertices[dimensions];
            double guess = expectExpansion ? -2 : 0.5;
            towards(centroid, worstPoint, -1, reflection);
            towards(centroid, worstPoint, guess, next);
            function.values(reflection, next, pair);
            double reflected = pair[0];
            evaluations++;
            if (reflected < best) {
                double expanded = guess == -2 ? pair[1] : evaluate(function, centroid, worstPoint, -2, next);
                evaluations++;
                if (expanded < reflected) {
                    simplex.replaceWorst(next, expanded);
                } else {
                    simplex.replaceWorst(reflection, reflected);
                }
                expectExpansion = true;
            } else if (reflected < simplex.values[dimensions - 1]) {
                simplex.replaceWorst(reflection, reflected);
            } else {
                double factor = reflected < worst ? -0.5 : 0.5;
                double contracted = guess == factor ? pair[1] : evaluate(function, centroid, worstPoint, factor, next);
                evaluations++;
                if (contracted < Math.min(reflected, worst)) {
                    simplex.replaceWorst(next, contracted);
                } else {
                    simplex.shrink();
                    evaluations += dimensions;
                }
                expectExpansion = false;
            }
        }
        simplex.sort();
        return new Result(simplex.vertices[0], simplex.values[0], evaluations);
    }

    /** The value at {@code centroid + factor * (point - centroid)}, which goes to {@code into}. */
    private static double evaluate(
            PairedFunction function, double[] centroid, double[] point, double factor, double[] into) {
        towards(centroid, point, factor, into);
        return function.value(into);
    }

    /** {@code into = centroid + factor * (point - centroid)}. */
    private static void towards(double[] centroid, double[] point, double factor, double[] into) {
        for (int i = 0; i < centroid.length; i++) {
            into[i] = centroid[i] + factor * (point[i] - centroid[i]);
        }
    }

    /** The vertices and their values, best first after {@link #sort}. */
    private static final class Simplex {
        private final PairedFunction function;
        private final double[][] vertices;
        private final double[] values;

        Simplex(PairedFunction function, double[] start, double[] steps) {
            this.function = function;
            int dimensions = start.length;
            vertices = new double[dimensions + 1][];
            values = new double[dimensions + 1];
            vertices[0] = start.clone();
            for (int i = 0; i < dimensions; i++) {
                vertices[i + 1] = start.clone();
                vertices[i + 1][i] += steps[i];
            }
            evaluateFrom(0);
        }

        /** Evaluates the vertices from {@code first} on, two at a time. */
        private void evaluateFrom(int first) {
            double[] pair = new double[2];
            int v = first;
            for (; v + 1 < vertices.length; v += 2) {
                function.values(vertices[v], vertices[v + 1], pair);
                values[v] = pair[0];
                values[v + 1] = pair[1];
            }
            if (v < vertices.length) {
                values[v] = function.value(vertices[v]);
            }
        }

        /**
         * Orders the vertices by value, best first, keeping the order of equal values (a NaN counts as worse than
         * anything, as in {@link NelderMead}): the centroid's sum, and so every later point, depends on that order.
         */
        void sort() {
            for (int i = 1; i < values.length; i++) {
                double value = values[i];
                double[] vertex = vertices[i];
                int j = i;
                for (; j > 0 && (values[j - 1] > value || Double.isNaN(values[j - 1])); j--) {
                    values[j] = values[j - 1];
                    vertices[j] = vertices[j - 1];
                }
                values[j] = value;
                vertices[j] = vertex;
            }
        }

        /** The mean of every vertex but the worst, summed best first. */
        void centroid(double[] into) {
            int dimensions = into.length;
            Arrays.fill(into, 0);
            for (int v = 0; v < dimensions; v++) {
                for (int i = 0; i < dimensions; i++) {
                    into[i] += vertices[v][i] / dimensions;
                }
            }
        }

        void replaceWorst(double[] point, double value) {
            int worst = values.length - 1;
            System.arraycopy(point, 0, vertices[worst], 0, point.length);
            values[worst] = value;
        }

        /** Moves every vertex halfway towards the best one. */
        void shrink() {
            double[] best = vertices[0];
            for (int v = 1; v < vertices.length; v++) {
                for (int i = 0; i < best.length; i++) {
                    vertices[v][i] = best[i] + 0.5 * (vertices[v][i] - best[i]);
                }
            }
            evaluateFrom(1);
        }
    }
}
