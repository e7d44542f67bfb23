package io.fleetcast.forecast.adjust;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.forecast.Forecast;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A statistical forecast, the adjustments applied to it, and the adjusted forecast: the statistical forecast is kept
 * as it was, so the two are always shown apart, with the adjustments that changed each step.
 */
public final class AdjustedForecast {
    private final Forecast statistical;
    private final Forecast adjusted;
    private final ImmutableList<Adjustment> adjustments;

    private AdjustedForecast(Forecast statistical, Forecast adjusted, List<Adjustment> adjustments) {
        this.statistical = statistical;
        this.adjusted = adjusted;
        this.adjustments = ImmutableList.copyOf(adjustments);
    }

    /**
     * Applies {@code adjustments} to {@code statistical} in the order they were made (ties by id). Adding, a step and
     * an override move the point forecast and both intervals by the same amount; multiplying scales all of them.
     */
    public static AdjustedForecast apply(Forecast statistical, List<Adjustment> adjustments) {
        return apply(statistical, adjustments, (adjustment, step) -> adjustment.covers(step) ? 1 : 0);
    }

    /** How much of forecast step {@code step} an adjustment covers: 0 (nothing) to 1 (all of it). */
    @FunctionalInterface
    public interface Coverage {
        double share(Adjustment adjustment, int step);
    }

    /**
     * Applies {@code adjustments} where steps are periods that an adjustment may cover in part (a week of which it
     * covers 3 days: share 3/7). The forecast of a period is its average, so on a share {@code s} adding {@code v}
     * adds {@code s v}, multiplying by {@code f} multiplies by {@code 1 + s (f - 1)}, and an override moves the step
     * {@code s} of the way to its value. With shares of 0 and 1 this is {@link #apply(Forecast, List)}.
     */
    public static AdjustedForecast apply(Forecast statistical, List<Adjustment> adjustments, Coverage coverage) {
        requireNonNull(statistical, "statistical is null");
        List<Adjustment> ordered = new ArrayList<>(adjustments);
        ordered.sort(Comparator.comparing(Adjustment::createdAt).thenComparing(Adjustment::id));
        double[] mean = statistical.mean();
        double[] lower80 = statistical.lower80();
        double[] upper80 = statistical.upper80();
        double[] lower95 = statistical.lower95();
        double[] upper95 = statistical.upper95();
        for (Adjustment adjustment : ordered) {
            for (int step = 0; step < mean.length; step++) {
                double share = coverage.share(adjustment, step);
                if (share <= 0) {
                    continue;
                }
                if (adjustment.kind() == Adjustment.Kind.MULTIPLY) {
                    double factor = 1 + share * (adjustment.value() - 1);
                    mean[step] *= factor;
                    lower80[step] *= factor;
                    upper80[step] *= factor;
                    lower95[step] *= factor;
                    upper95[step] *= factor;
                } else {
                    double shift = share
                            * (adjustment.kind() == Adjustment.Kind.OVERRIDE
                                    ? adjustment.value() - mean[step]
                                    : adjustment.value());
                    mean[step] += shift;
                    lower80[step] += shift;
                    upper80[step] += shift;
                    lower95[step] += shift;
                    upper95[step] += shift;
                }
            }
        }
        Forecast adjusted = Forecast.of(statistical.provenance(), mean, lower80, upper80, lower95, upper95);
        return new AdjustedForecast(statistical, adjusted, ordered);
    }

    /** The forecast as the model made it. */
    public Forecast statistical() {
        return statistical;
    }

    /** The forecast with every adjustment applied. */
    public Forecast adjusted() {
        return adjusted;
    }

    /** The adjustments, in the order they were applied. */
    public ImmutableList<Adjustment> adjustments() {
        return adjustments;
    }

    /** The adjustments that changed forecast step {@code step}, in the order they were applied. */
    public ImmutableList<Adjustment> adjustmentsAt(int step) {
        return adjustments.stream().filter(a -> a.covers(step)).collect(ImmutableList.toImmutableList());
    }
}
