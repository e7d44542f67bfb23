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
}
