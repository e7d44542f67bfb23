package io.fleetcast.forecast.optimize;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Quasi-Newton minimisation of a smooth function by the BFGS update of an inverse Hessian, with gradients by central
 * finite differences and a backtracking line search (Nash, Compact Numerical Methods for Computers, 2nd ed., 1990,
 * algorithm 21; the method of R's {@code optim(method = "BFGS")}). Coordinates are scaled: the minimiser works on
 * {@code x_i / scale_i}, differences the gradient with step {@code gradientStep} in those units and so moves
 * parameters of very different magnitudes sensibly. Stops when a step lowers the function by less than
 * {@code tolerance} relative to its value, when no step along the search direction changes the point, or after
 * {@code maxIterations} gradient evaluations (then {@link Minimum#isConverged()} is false, as it is when a gradient is
 * not finite). The function may return {@code Double.POSITIVE_INFINITY} where it is not defined; the line search
 * backs away from such points.
 */
public final class Bfgs {
    private static final double STEP_REDUCTION = 0.2;
    private static final double ACCEPTANCE = 1e-4;
    /** Two coordinates are the same point when they agree to the precision of 10 + x. */
    private static final double SAME_POINT = 10.0;

    private final double tolerance;
    private final int maxIterations;
    private final double gradientStep;

    public Bfgs(double tolerance, int maxIterations, double gradientStep) {
        checkArgument(tolerance > 0, "tolerance must be > 0, got %s", tolerance);
        checkArgument(maxIterations > 0, "maxIterations must be > 0, got %s", maxIterations);
        checkArgument(gradientStep > 0, "gradientStep must be > 0, got %s", gradientStep);
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.gradientStep = gradientStep;
    }

    /** Minimises {@code function} from {@code start}; {@code scales} (positive, one per coordinate) set the units. */
    public Minimum minimize(ToDoubleFunction<double[]> function, double[] start, double[] scales) {
        int n = start.length;
        checkArgument(scales.length == n, "one scale per coordinate");
        for (double scale : scales) {
            checkArgument(scale > 0, "scales must be > 0, got %s", scale);
        }
        double[] x = new double[n];
        int[] evaluations = {0};
        ToDoubleFunction<double[]> scaled = u -> {
            for (int i = 0; i < n; i++) {
                x[i] = u[i] * scales[i];
            }
            evaluations[0]++;
            return function.applyAsDouble(x);
        };
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = start[i] / scales[i];
        }
        double value = scaled.applyAsDouble(u);
        if (!Double.isFinite(value) || n == 0) {
            return new Minimum(start, value, evaluations[0], n == 0);
        }
        double[] steps = new double[n];
        Arrays.fill(steps, gradientStep);
        double[] scratch = new double[n];
        double[] gradient = new double[n];
        double[] previousGradient = new double[n];
        double[] previousPoint = new double[n];
        double[] direction = new double[n];
        double[] product = new double[n];
        double[][] inverseHessian = new double[n][n];
        if (!FiniteDifferences.gradient(scaled, u, steps, scratch, gradient)) {
            return result(u, scales, value, evaluations[0], false);
        }
        int iterations = 1;
        int lastReset = 1;
        boolean identity = true;
        resetToIdentity(inverseHessian);
        while (true) {
            System.arraycopy(u, 0, previousPoint, 0, n);
            System.arraycopy(gradient, 0, previousGradient, 0, n);
            double slope = 0;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum -= inverseHessian[i][j] * gradient[j];
                }
                direction[i] = sum;
                slope += sum * gradient[i];
            }
            if (!(slope < 0)) {
                if (identity) {
                    return result(u, scales, value, evaluations[0], true); // steepest descent goes nowhere
                }
                resetToIdentity(inverseHessian);
                identity = true;
                lastReset = iterations;
                continue;
            }
            double step = 1;
            boolean moved;
            boolean accepted = false;
            double trialValue = value;
            do {
                int unchanged = 0;
                for (int i = 0; i < n; i++) {
                    u[i] = previousPoint[i] + step * direction[i];
                    if (SAME_POINT + previousPoint[i] == SAME_POINT + u[i]) {
                        unchanged++;
                    }
                }
                moved = unchanged < n;
                if (moved) {
                    trialValue = scaled.applyAsDouble(u);
                    accepted = Double.isFinite(trialValue) && trialValue <= value + slope * step * ACCEPTANCE;
                    if (!accepted) {
                        step *= STEP_REDUCTION;
                    }
                }
            } while (moved && !accepted);
            if (!moved) {
                System.arraycopy(previousPoint, 0, u, 0, n);
                if (identity) {
                    return result(u, scales, value, evaluations[0], true);
                }
                resetToIdentity(inverseHessian);
                identity = true;
                lastReset = iterations;
                continue;
            }
            boolean enough = Math.abs(trialValue - value) > tolerance * (Math.abs(value) + tolerance);
            value = trialValue;
            if (!enough) {
                return result(u, scales, value, evaluations[0], true);
            }
            if (!FiniteDifferences.gradient(scaled, u, steps, scratch, gradient)) {
                return result(u, scales, value, evaluations[0], false);
            }
            iterations++;
            if (iterations >= maxIterations) {
                return result(u, scales, value, evaluations[0], false);
            }
            boolean updated = updateInverseHessian(
                    inverseHessian, u, previousPoint, gradient, previousGradient, direction, product);
            identity = !updated || iterations - lastReset > 2 * n; // a periodic restart keeps the approximation honest
            if (identity) {
                resetToIdentity(inverseHessian);
                lastReset = iterations;
            }
        }
    }

    /**
     * The BFGS update with step {@code s = u - previous} and gradient change {@code c}; false (nothing changed) when
     * the curvature {@code s'c} is not positive.
     */
    private static boolean updateInverseHessian(
            double[][] inverseHessian,
            double[] u,
            double[] previousPoint,
            double[] gradient,
            double[] previousGradient,
            double[] step,
            double[] product) {
        int n = u.length;
        double curvature = 0;
        for (int i = 0; i < n; i++) {
            step[i] = u[i] - previousPoint[i];
            previousGradient[i] = gradient[i] - previousGradient[i];
            curvature += step[i] * previousGradient[i];
        }
        if (!(curvature > 0)) {
            return false;
        }
        double quadratic = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += inverseHessian[i][j] * previousGradient[j];
            }
            product[i] = sum;
            quadratic += previousGradient[i] * sum;
        }
        double factor = 1 + quadratic / curvature;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                inverseHessian[i][j] +=
                        (factor * step[i] * step[j] - product[i] * step[j] - step[i] * product[j]) / curvature;
            }
        }
        return true;
    }

    private static void resetToIdentity(double[][] matrix) {
        for (int i = 0; i < matrix.length; i++) {
            Arrays.fill(matrix[i], 0);
            matrix[i][i] = 1;
        }
    }

    private static Minimum result(double[] u, double[] scales, double value, int evaluations, boolean converged) {
        double[] point = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            point[i] = u[i] * scales[i];
        }
        return new Minimum(point, value, evaluations, converged);
    }
}
