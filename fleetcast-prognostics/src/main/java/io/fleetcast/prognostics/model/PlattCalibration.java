package io.fleetcast.prognostics.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Platt scaling: maps a model's probability p to 1 / (1 + exp(−(a · logit(p) + b))), with a and b fitted by maximum
 * likelihood on held-out predictions and their outcomes, so that a calibrated 10% is right about one time in ten.
 * The identity is a = 1, b = 0.
 *
 * @param slope a
 * @param offset b
 */
public record PlattCalibration(double slope, double offset) {
    public static final PlattCalibration IDENTITY = new PlattCalibration(1, 0);

    public PlattCalibration {
        checkArgument(Double.isFinite(slope) && Double.isFinite(offset), "slope and offset must be finite");
    }

    /** Fits a and b to held-out {@code probabilities} and whether each case failed. */
    public static PlattCalibration fit(double[] probabilities, boolean[] outcomes) {
        checkArgument(
                probabilities.length == outcomes.length,
                "%s probabilities for %s outcomes",
                probabilities.length,
                outcomes.length);
        int positives = 0;
        for (boolean outcome : outcomes) {
            positives += outcome ? 1 : 0;
        }
        checkArgument(positives > 0 && positives < outcomes.length, "calibration needs both outcomes");
        double a = 1;
        double b = 0;
        double current = negativeLogLikelihood(probabilities, outcomes, a, b);
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 0;
            double hab = 0;
            double hbb = 0;
            for (int i = 0; i < probabilities.length; i++) {
                double x = logit(probabilities[i]);
                double p = 1 / (1 + Math.exp(-(a * x + b)));
                double residual = (outcomes[i] ? 1 : 0) - p;
                double w = Math.max(p * (1 - p), 1e-12);
                ga += residual * x;
                gb += residual;
                haa += w * x * x;
                hab += w * x;
                hbb += w;
            }
            // A tiny ridge keeps the step finite when the scores barely vary.
            haa += 1e-9;
            hbb += 1e-9;
            double determinant = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / determinant;
            double db = (haa * gb - hab * ga) / determinant;
            // Halve the Newton step until the likelihood does not fall: nearly separable scores would overshoot.
            double step = 1;
            double next = negativeLogLikelihood(probabilities, outcomes, a + da, b + db);
            while (!(next <= current) && step > 1e-6) {
                step /= 2;
                next = negativeLogLikelihood(probabilities, outcomes, a + step * da, b + step * db);
            }
            if (!(next <= current)) {
                break;
            }
            a += step * da;
            b += step * db;
            boolean converged = current - next < 1e-12 * Math.max(1, current);
            current = next;
            if (converged) {
                break;
            }
        }
        return new PlattCalibration(a, b);
    }

    private static double negativeLogLikelihood(double[] probabilities, boolean[] outcomes, double a, double b) {
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double eta = a * logit(probabilities[i]) + b;
            // log(1 + exp(-eta)) for a failure, log(1 + exp(eta)) otherwise, computed without overflow.
            double z = outcomes[i] ? -eta : eta;
            sum += z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        }
        return sum;
    }

    /** The calibrated probability. */
    public double apply(double probability) {
        return 1 / (1 + Math.exp(-(slope * logit(probability) + offset)));
    }

    private static double logit(double p) {
        // Probabilities are taken no closer to 0 or 1 than one in a million: beyond that a model's scores are noise.
        double clipped = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return Math.log(clipped / (1 - clipped));
    }
}
