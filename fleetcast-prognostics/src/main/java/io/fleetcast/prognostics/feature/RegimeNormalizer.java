package io.fleetcast.prognostics.feature;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Standardises signals within each operating regime (an engine's flight condition, a server's workload class), so a
 * reading says how far an asset is from its regime's normal rather than which regime it runs in: z = (x − mean of the
 * regime) / std of the regime, both learned from training readings. A signal that never varies within a regime
 * carries no health information and is reported by {@link #isConstant}.
 */
public final class RegimeNormalizer {
    private final ImmutableMap<String, double[]> means;
    private final ImmutableMap<String, double[]> deviations;
    private final boolean[] constant;

    private RegimeNormalizer(Map<String, double[]> means, Map<String, double[]> deviations, boolean[] constant) {
        this.means = ImmutableMap.copyOf(means);
        this.deviations = ImmutableMap.copyOf(deviations);
        this.constant = constant;
    }

    /**
     * Learns each regime's mean and standard deviation per signal.
     *
     * @param regimes each reading's regime
     * @param readings each reading's signal values, all of the same length
     */
    public static RegimeNormalizer fit(List<String> regimes, List<double[]> readings) {
        checkArgument(regimes.size() == readings.size(), "%s regimes for %s readings", regimes.size(), readings.size());
        checkArgument(!readings.isEmpty(), "no readings to learn regimes from");
        int signals = readings.get(0).length;
        Map<String, double[]> sums = new TreeMap<>();
        Map<String, double[]> squares = new TreeMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        for (int i = 0; i < readings.size(); i++) {
            double[] reading = readings.get(i);
            checkArgument(
                    reading.length == signals, "reading %s has %s signals, the first %s", i, reading.length, signals);
            double[] sum = sums.computeIfAbsent(regimes.get(i), regime -> new double[signals]);
            double[] square = squares.computeIfAbsent(regimes.get(i), regime -> new double[signals]);
            int[] count = counts.computeIfAbsent(regimes.get(i), regime -> new int[signals]);
            for (int s = 0; s < signals; s++) {
                if (!Double.isNaN(reading[s])) {
                    sum[s] += reading[s];
                    square[s] += reading[s] * reading[s];
                    count[s]++;
                }
            }
        }
        Map<String, double[]> means = new TreeMap<>();
        Map<String, double[]> deviations = new TreeMap<>();
        boolean[] constant = new boolean[signals];
        Arrays.fill(constant, true);
        for (Map.Entry<String, double[]> entry : sums.entrySet()) {
            String regime = entry.getKey();
            int[] count = requireNonNull(counts.get(regime));
            double[] square = requireNonNull(squares.get(regime));
            double[] mean = new double[signals];
            double[] deviation = new double[signals];
            for (int s = 0; s < signals; s++) {
                int n = count[s];
                mean[s] = n == 0 ? Double.NaN : entry.getValue()[s] / n;
                double variance = n < 2 ? 0 : Math.max(0, (square[s] - n * mean[s] * mean[s]) / (n - 1));
                deviation[s] = Math.sqrt(variance);
                // Variation below a millionth of the level is rounding in the recorded values, not signal.
                if (deviation[s] > 1e-6 * Math.max(1, Math.abs(mean[s]))) {
                    constant[s] = false;
                }
            }
            means.put(regime, mean);
            deviations.put(regime, deviation);
        }
        return new RegimeNormalizer(means, deviations, constant);
    }

    /** Whether signal {@code index} never varied within any regime. */
    public boolean isConstant(int index) {
        return constant[index];
    }

    public int regimes() {
        return means.size();
    }

    /** The reading standardised within its regime; NaN for a constant signal or a regime not seen in training. */
    public double[] normalize(String regime, double[] reading) {
        double[] mean = means.get(regime);
        double[] deviation = deviations.get(regime);
        double[] z = new double[reading.length];
        for (int s = 0; s < reading.length; s++) {
            z[s] = mean == null || deviation == null || constant[s] || !(deviation[s] > 0)
                    ? Double.NaN
                    : (reading[s] - mean[s]) / deviation[s];
        }
        return z;
    }
}
