package io.fleetcast.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Small estimators the tests use to recover known parameters (test code, not the reliability module). */
final class LifeFits {
    private LifeFits() {}

    /**
     * Fits a two-parameter Weibull to right-censored life data by regressing {@code ln(−ln S(t))} on {@code ln t} over
     * the Kaplan–Meier estimate S at each failure time (Abernethy, <i>The New Weibull Handbook</i>, 5th ed., §2 and
     * §8: the plotting-position method with suspensions). Points with fewer than 20 units at risk are left out.
     *
     * @param lives {@code {time, 1 for a failure or 0 for a suspension}} pairs
     * @return {@code {shape β, scale η}}
     */
    static double[] kaplanMeierWeibull(List<double[]> lives) {
        List<double[]> sorted = new ArrayList<>(lives);
        sorted.sort(Comparator.<double[]>comparingDouble(life -> life[0]).thenComparingDouble(life -> -life[1]));
        int atRisk = sorted.size();
        double survival = 1;
        List<double[]> points = new ArrayList<>();
        for (double[] life : sorted) {
            if (life[1] > 0 && atRisk >= 20) {
                survival *= 1 - 1.0 / atRisk;
                points.add(new double[] {Math.log(life[0]), Math.log(-Math.log(survival))});
            }
            atRisk--;
        }
        double[] line = line(points);
        double shape = line[0];
        double scale = Math.exp(-line[1] / shape);
        return new double[] {shape, scale};
    }

    /**
     * The Kaplan–Meier estimate of the failure probability {@code 1 − S(t)} at each failure time (Kaplan and Meier,
     * JASA 53, 1958); suspensions at the same time as a failure count as still at risk.
     *
     * @param lives {@code {time, 1 for a failure or 0 for a suspension}} pairs
     * @return {@code {time, failure probability, Greenwood standard error}} at each failure, in time order
     */
    static List<double[]> kaplanMeier(List<double[]> lives) {
        List<double[]> sorted = new ArrayList<>(lives);
        sorted.sort(Comparator.<double[]>comparingDouble(life -> life[0]).thenComparingDouble(life -> -life[1]));
        int atRisk = sorted.size();
        double survival = 1;
        double greenwood = 0;
        List<double[]> points = new ArrayList<>();
        for (double[] life : sorted) {
            if (life[1] > 0) {
                survival *= 1 - 1.0 / atRisk;
                greenwood += atRisk > 1 ? 1.0 / (atRisk * (atRisk - 1.0)) : 0;
                points.add(new double[] {life[0], 1 - survival, survival * Math.sqrt(greenwood)});
            }
            atRisk--;
        }
        return points;
    }

    /** The least-squares slope of y on x over {@code {x, y}} points. */
    static double slope(List<double[]> points) {
        return line(points)[0];
    }

    /** The least-squares line {@code {slope, intercept}} of y on x. */
    static double[] line(List<double[]> points) {
        double meanX = 0;
        double meanY = 0;
        for (double[] point : points) {
            meanX += point[0];
            meanY += point[1];
        }
        meanX /= points.size();
        meanY /= points.size();
        double covariance = 0;
        double variance = 0;
        for (double[] point : points) {
            covariance += (point[0] - meanX) * (point[1] - meanY);
            variance += (point[0] - meanX) * (point[0] - meanX);
        }
        double slope = covariance / variance;
        return new double[] {slope, meanY - slope * meanX};
    }
}
