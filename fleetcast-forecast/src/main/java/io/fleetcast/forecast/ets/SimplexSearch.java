package io.fleetcast.forecast.ets;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.fleetcast.forecast.optimize.NelderMead;
import java.util.Arrays;

/**
 * The {@linkplain NelderMead Nelder-Mead} search, point for point and with the same result, driven from outside: it
 * names the point whose value it needs ({@link #point}) and goes on when told that value ({@link #accept}). Several
 * searches can so have their points evaluated together: the ETS likelihood of two or three points takes little
 * longer than that of one (each step of its recursion waits for the step before, and leaves the processor idle
 * meanwhile).
 */
final class SimplexSearch {
    /** What the search waits for. */
    private enum Wait {
        /** The value of vertex {@code vertex} of the starting simplex. */
        START,
        REFLECTION,
        EXPANSION,
        CONTRACTION,
        /** The value of vertex {@code vertex} of a shrunk simplex. */
        SHRINK,
        NOTHING
    }

    private final double tolerance;
    private final int maxEvaluations;
    private final int dimensions;
    /** Best first after {@link #sort}. */
    private final double[][] vertices;

    private final double[] values;
    private final double[] centroid;
    private final double[] reflection;
    /** The expansion or contraction. */
    private final double[] candidate;

    private Wait wait = Wait.START;
    private int vertex;
    private double reflected;
    private int evaluations;

    /** As {@link NelderMead#minimize}: from {@code start}, with first simplex edges {@code steps}. */
    SimplexSearch(double tolerance, int maxEvaluations, double[] start, double[] steps) {
        checkArgument(tolerance > 0, "tolerance must be > 0, got %s", tolerance);
        checkArgument(maxEvaluations > 0, "maxEvaluations must be > 0, got %s", maxEvaluations);
        checkArgument(start.length > 0, "nothing to search");
        checkArgument(steps.length == start.length, "one step per coordinate");
        this.tolerance = tolerance;
        this.maxEvaluations = maxEvaluations;
        dimensions = start.length;
        vertices = new double[dimensions + 1][];
        vertices[0] = start.clone();
        for (int i = 0; i < dimensions; i++) {
            vertices[i + 1] = start.clone();
            vertices[i + 1][i] += steps[i];
        }
        values = new double[dimensions + 1];
        centroid = new double[dimensions];
        reflection = new double[dimensions];
        candidate = new double[dimensions];
    }

    boolean isDone() {
        return wait == Wait.NOTHING;
    }

    /** The point whose value the search needs next; the caller must not change it. */
    double[] point() {
        return switch (wait) {
            case START, SHRINK -> vertices[vertex];
            case REFLECTION -> reflection;
            case EXPANSION, CONTRACTION -> candidate;
            case NOTHING -> throw new IllegalStateException("the search has ended");
        };
    }

    /** Takes the value at {@link #point} and moves on to the next point, or ends. */
    void accept(double value) {
        evaluations++;
        switch (wait) {
            case START, SHRINK -> {
                values[vertex] = value;
                if (++vertex == vertices.length) {
                    iterate();
                }
            }
            case REFLECTION -> reflected(value);
            case EXPANSION -> {
                if (value < reflected) {
                    replaceWorst(candidate, value);
                } else {
                    replaceWorst(reflection, reflected);
                }
                iterate();
            }
            case CONTRACTION -> contracted(value);
            case NOTHING -> throw new IllegalStateException("the search has ended");
        }
    }

    /** The best vertex; the search must have ended. */
    double[] best() {
        checkState(isDone(), "the search goes on");
        return vertices[0].clone();
    }

    /** The value at {@link #best}. */
    double bestValue() {
        checkState(isDone(), "the search goes on");
        return values[0];
    }

    /** The function evaluations so far. */
    int evaluations() {
        return evaluations;
    }

    /** Starts an iteration with a reflection of the worst vertex, or ends the search. */
    private void iterate() {
        if (evaluations >= maxEvaluations) {
            end();
            return;
        }
        sort();
        double best = values[0];
        double worst = values[dimensions];
        if (Math.abs(worst - best) <= tolerance * (Math.abs(best) + tolerance)) {
            end();
            return;
        }
        Arrays.fill(centroid, 0);
        for (int v = 0; v < dimensions; v++) {
            for (int i = 0; i < dimensions; i++) {
                centroid[i] += vertices[v][i] / dimensions;
            }
        }
        awayFromWorst(-1, reflection);
        wait = Wait.REFLECTION;
    }

    private void reflected(double value) {
        reflected = value;
        if (value < values[0]) {
            awayFromWorst(-2, candidate);
            wait = Wait.EXPANSION;
        } else if (value < values[dimensions - 1]) {
            replaceWorst(reflection, value);
            iterate();
        } else {
            // outside (between the reflection and the centroid) when the reflection beats the worst vertex
            awayFromWorst(value < values[dimensions] ? -0.5 : 0.5, candidate);
            wait = Wait.CONTRACTION;
        }
    }

    private void contracted(double value) {
        if (value < Math.min(reflected, values[dimensions])) {
            replaceWorst(candidate, value);
            iterate();
            return;
        }
        double[] best = vertices[0];
        for (int v = 1; v <= dimensions; v++) {
            for (int i = 0; i < dimensions; i++) {
                vertices[v][i] = best[i] + 0.5 * (vertices[v][i] - best[i]);
            }
        }
        vertex = 1;
        wait = Wait.SHRINK;
    }

    private void end() {
        sort();
        wait = Wait.NOTHING;
    }

    /** {@code into = centroid + factor * (worst - centroid)}. */
    private void awayFromWorst(double factor, double[] into) {
        double[] worst = vertices[dimensions];
        for (int i = 0; i < dimensions; i++) {
            into[i] = centroid[i] + factor * (worst[i] - centroid[i]);
        }
    }

    private void replaceWorst(double[] point, double value) {
        System.arraycopy(point, 0, vertices[dimensions], 0, dimensions);
        values[dimensions] = value;
    }

    /**
     * Orders the vertices by value, best first, keeping the order of equal values (a NaN counts as worse than
     * anything), as {@link NelderMead} does: the centroid's sum, and so every later point, depends on that order.
     */
    private void sort() {
        for (int i = 1; i < values.length; i++) {
            double value = values[i];
            double[] point = vertices[i];
            int j = i;
            for (; j > 0 && (values[j - 1] > value || Double.isNaN(values[j - 1])); j--) {
                values[j] = values[j - 1];
                vertices[j] = vertices[j - 1];
            }
            values[j] = value;
            vertices[j] = point;
        }
    }
}
