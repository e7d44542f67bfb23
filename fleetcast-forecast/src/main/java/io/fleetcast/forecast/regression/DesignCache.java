package io.fleetcast.forecast.regression;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What regression fits can share: each season's Fourier terms by step, and the block of X′X that belongs to the level,
 * slope, changepoint and Fourier columns of a window of n steps. That block depends only on the model's shape and n,
 * and it is most of a fit's work. A plan backtests thousands of services over windows of the same length, so one
 * cache per plan computes it a few times instead of once per fit.
 *
 * <p>Everything is computed exactly as a fit without a cache would compute it, so a result never depends on what the
 * cache holds. A cache can be shared between threads. It keeps the blocks of the {@value #WINDOWS} windows used most
 * recently.
 */
public final class DesignCache {
    static final int WINDOWS = 64;

    private final Map<Wave, double[][]> waves = new ConcurrentHashMap<>();
    private final Map<Window, double[][]> blocks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Window, double[][]> eldest) {
            return size() > WINDOWS;
        }
    };

    public DesignCache() {}

    /** A season's terms: {@code order} sine-cosine pairs of period {@code period}. */
    private record Wave(double period, int order) {}

    /** What the fixed columns of a window depend on. */
    private record Window(
            boolean trend, int changepoints, double changepointRange, ImmutableList<Wave> seasons, int steps) {}

    /**
     * The Fourier terms of {@code season} at steps 0 to at least {@code length} − 1: row t holds sin and cos of 2πkt/P
     * for k = 1 to the order, pair by pair.
     */
    double[][] waves(RegressionModel.Season season, int length) {
        checkArgument(length >= 0, "a length must not be negative, got %s", length);
        Wave wave = new Wave(season.period(), season.order());
        double[][] table = waves.get(wave);
        if (table != null && table.length >= length) {
            return table;
        }
        return waves.compute(wave, (key, known) -> {
            if (known != null && known.length >= length) {
                return known;
            }
            // Grown to twice what it was, so a forecast stepping past the end does not regrow it step by step.
            int size = Math.max(length, known == null ? 0 : 2 * known.length);
            double[][] grown = new double[size][];
            for (int t = 0; t < size; t++) {
                grown[t] = known != null && t < known.length ? known[t] : terms(key, t);
            }
            return grown;
        });
    }

    private static double[] terms(Wave wave, int t) {
        double[] terms = new double[2 * wave.order()];
        for (int k = 1; k <= wave.order(); k++) {
            double angle = 2 * Math.PI * k * t / wave.period();
            terms[2 * k - 2] = Math.sin(angle);
            terms[2 * k - 1] = Math.cos(angle);
        }
        return terms;
    }

    /**
     * The lower triangle of Σₜ xₜ xₜ′ over the first {@code fixed} columns of {@code rows}, the design's level, slope,
     * changepoints and Fourier terms, summed over t in order. Shared: the caller must not change it.
     */
    double[][] fixedBlock(RegressionModel model, double[][] rows, int fixed) {
        ImmutableList.Builder<Wave> seasons = ImmutableList.builder();
        for (RegressionModel.Season season : model.seasons()) {
            seasons.add(new Wave(season.period(), season.order()));
        }
        Window window =
                new Window(model.trend(), model.changepoints(), model.changepointRange(), seasons.build(), rows.length);
        double[][] block;
        synchronized (blocks) {
            block = blocks.get(window);
        }
        if (block != null) {
            return block;
        }
        double[][] computed = lowerGram(rows, fixed);
        synchronized (blocks) {
            blocks.put(window, computed);
        }
        return computed;
    }

    private static double[][] lowerGram(double[][] rows, int fixed) {
        double[][] block = new double[fixed][];
        for (int i = 0; i < fixed; i++) {
            block[i] = new double[i + 1];
        }
        for (double[] row : rows) {
            for (int i = 0; i < fixed; i++) {
                double value = row[i];
                double[] line = block[i];
                for (int j = 0; j <= i; j++) {
                    line[j] += value * row[j];
                }
            }
        }
        return block;
    }
}
