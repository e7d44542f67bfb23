package io.fleetcast.simulator.internal.sampling;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded source of random draws (SplitMix64, through {@link SplittableRandom}) with the distributions the simulator
 * needs. Transcendental functions use {@link StrictMath} so the same seed gives the same bits on every JVM.
 *
 * <p>Streams are derived by name ({@link #of(long, String)}, {@link #derive(String)}, {@link #derive(long)}): the
 * derived seed depends only on the parent seed and the name, never on how many draws the parent made.
 *
 * <p>Not thread-safe: one stream per component and thread.
 */
public final class RandomStream {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    /** Keeps streams derived by name apart from streams derived by number. */
    private static final long NAME_SALT = 0x5851f42d4c957f2dL;

    private final long seed;
    private final SplittableRandom random;

    private RandomStream(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The stream of the component named {@code component} in the simulation seeded with {@code seed}. */
    public static RandomStream of(long seed, String component) {
        return new RandomStream(mix(seed ^ mix(hash(component))));
    }

    /** A child stream named {@code name}, independent of this stream's draws so far. */
    public RandomStream derive(String name) {
        return new RandomStream(mix(seed + mix(hash(name) ^ NAME_SALT)));
    }

    /** A child stream numbered {@code index}, independent of this stream's draws so far. */
    public RandomStream derive(long index) {
        return new RandomStream(mix(seed + GOLDEN_GAMMA * (index + 1)));
    }

    /** A well-mixed 64-bit value for {@code index} under this stream's seed; distinct indexes give distinct values. */
    public long scramble(long index) {
        // mix is a bijection on 64-bit values, so distinct inputs never collide.
        return mix(index ^ seed);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in [min, max). */
    public double uniform(double min, double max) {
        checkArgument(min <= max, "min %s > max %s", min, max);
        return min + (max - min) * random.nextDouble();
    }

    /** Uniform integer in [min, max] (both inclusive). */
    public int integer(int min, int max) {
        checkArgument(min <= max, "min %s > max %s", min, max);
        return min + random.nextInt(max - min + 1);
    }

    /** True with probability {@code probability}. */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Standard normal draw (Marsaglia's polar method). */
    public double gaussian() {
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
            }
        }
    }

    /**
     * A Weibull draw with shape β and scale η, by inversion: {@code η (−ln(1 − U))^(1/β)}. Same unit as {@code scale}.
     */
    public double weibull(double shape, double scale) {
        checkArgument(shape > 0, "shape must be > 0, got %s", shape);
        checkArgument(scale > 0, "scale must be > 0, got %s", scale);
        double u = random.nextDouble();
        return scale * StrictMath.pow(-StrictMath.log1p(-u), 1 / shape);
    }

    /** A Poisson count with mean {@code mean} (Knuth's product method below 30, a rounded normal above). */
    public long poisson(double mean) {
        checkArgument(mean >= 0, "mean must be >= 0, got %s", mean);
        if (mean == 0) {
            return 0;
        }
        if (mean >= 30) {
            return Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * gaussian()));
        }
        double limit = StrictMath.exp(-mean);
        long count = 0;
        double product = random.nextDouble();
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    /** One element of {@code items}, uniformly. */
    public <T> T pick(List<T> items) {
        checkArgument(!items.isEmpty(), "items is empty");
        return items.get(random.nextInt(items.size()));
    }

    /** An index in [0, weights.length) drawn with probability proportional to its weight. */
    public int weightedIndex(double[] weights) {
        requireNonNull(weights, "weights is null");
        double total = 0;
        for (double weight : weights) {
            checkArgument(weight >= 0, "weights must be >= 0, got %s", weight);
            total += weight;
        }
        checkArgument(total > 0, "weights sum to 0");
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static long hash(String text) {
        // 64-bit FNV-1a over the UTF-8 bytes: stable across JVMs, unlike identity hashes.
        long hash = 0xcbf29ce484222325L;
        for (byte value : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= value & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014). */
    private static long mix(long value) {
        long z = value + GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
