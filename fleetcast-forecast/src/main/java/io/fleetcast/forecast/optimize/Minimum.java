package io.fleetcast.forecast.optimize;

/**
 * What a minimiser found: the point, the function's value there, how many function evaluations it took and whether it
 * stopped because its convergence test was met (rather than at its evaluation or iteration limit).
 */
public final class Minimum {
    private final double[] point;
    private final double value;
    private final int evaluations;
    private final boolean converged;

    Minimum(double[] point, double value, int evaluations, boolean converged) {
        this.point = point.clone();
        this.value = value;
        this.evaluations = evaluations;
        this.converged = converged;
    }

    public double[] point() {
        return point.clone();
    }

    public double value() {
        return value;
    }

    public int evaluations() {
        return evaluations;
    }

    /** True when the minimiser met its convergence test; false when it ran out of evaluations or iterations. */
    public boolean isConverged() {
        return converged;
    }
}
