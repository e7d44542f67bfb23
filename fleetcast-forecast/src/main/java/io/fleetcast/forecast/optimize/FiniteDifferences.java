package io.fleetcast.forecast.optimize;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.function.ToDoubleFunction;

/**
 * Central finite-difference derivatives of a function, with a step given per coordinate (so that parameters of very
 * different scales are perturbed sensibly). The function is always called with the same scratch array, which it must
 * not keep.
 */
public final class FiniteDifferences {
    private FiniteDifferences() {}

    /**
     * The gradient at {@code point}: {@code (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i)} into {@code gradient}. False
     * when a function value is not finite (the gradient is then incomplete).
     */
    public static boolean gradient(
            ToDoubleFunction<double[]> function, double[] point, double[] steps, double[] scratch, double[] gradient) {
        int n = point.length;
        System.arraycopy(point, 0, scratch, 0, n);
        for (int i = 0; i < n; i++) {
            scratch[i] = point[i] + steps[i];
            double up = function.applyAsDouble(scratch);
            scratch[i] = point[i] - steps[i];
            double down = function.applyAsDouble(scratch);
            scratch[i] = point[i];
            gradient[i] = (up - down) / (2 * steps[i]);
            if (!Double.isFinite(gradient[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The matrix of second derivatives at {@code point} from central second differences with steps {@code steps}; an
     * entry is NaN or infinite where the function was not finite nearby.
     */
    public static double[][] hessian(ToDoubleFunction<double[]> function, double[] point, double[] steps) {
        int n = point.length;
        checkArgument(steps.length == n, "one step per coordinate");
        double[] x = point.clone();
        double center = function.applyAsDouble(x);
        double[][] hessian = new double[n][n];
        for (int i = 0; i < n; i++) {
            x[i] = point[i] + steps[i];
            double up = function.applyAsDouble(x);
            x[i] = point[i] - steps[i];
            double down = function.applyAsDouble(x);
            x[i] = point[i];
            hessian[i][i] = (up - 2 * center + down) / (steps[i] * steps[i]);
            for (int j = 0; j < i; j++) {
                double sum = 0;
                for (int corner = 0; corner < 4; corner++) {
                    double si = corner < 2 ? 1 : -1;
                    double sj = corner % 2 == 0 ? 1 : -1;
                    x[i] = point[i] + si * steps[i];
                    x[j] = point[j] + sj * steps[j];
                    sum += si * sj * function.applyAsDouble(x);
                }
                x[i] = point[i];
                x[j] = point[j];
                hessian[i][j] = sum / (4 * steps[i] * steps[j]);
                hessian[j][i] = hessian[i][j];
            }
        }
        return hessian;
    }

    /**
     * The matrix of second derivatives as R's {@code optimhess} computes it: central differences, with steps
     * {@code outerSteps}, of the central-difference gradient with steps {@code gradientSteps}, then symmetrised. Four
     * function evaluations per pair of coordinates. Where the function is ill-conditioned (nearly cancelling AR and MA
     * roots), plain second differences can disagree with R on whether the matrix is positive definite; this scheme
     * agrees. Entries are NaN or infinite where the function was not finite nearby.
     */
    public static double[][] hessianOfGradient(
            ToDoubleFunction<double[]> function, double[] point, double[] gradientSteps, double[] outerSteps) {
        int n = point.length;
        checkArgument(gradientSteps.length == n && outerSteps.length == n, "one step per coordinate");
        double[] x = point.clone();
        double[] scratch = new double[n];
        double[] up = new double[n];
        double[] down = new double[n];
        double[][] hessian = new double[n][n];
        for (int i = 0; i < n; i++) {
            x[i] = point[i] + outerSteps[i];
            boolean finiteUp = gradient(function, x, gradientSteps, scratch, up);
            x[i] = point[i] - outerSteps[i];
            boolean finiteDown = gradient(function, x, gradientSteps, scratch, down);
            x[i] = point[i];
            for (int j = 0; j < n; j++) {
                hessian[i][j] = finiteUp && finiteDown ? (up[j] - down[j]) / (2 * outerSteps[i]) : Double.NaN;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (hessian[i][j] + hessian[j][i]);
                hessian[i][j] = mean;
                hessian[j][i] = mean;
            }
        }
        return hessian;
    }
}
