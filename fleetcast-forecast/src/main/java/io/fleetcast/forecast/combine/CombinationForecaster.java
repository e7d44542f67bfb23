package io.fleetcast.forecast.combine;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Provenance;
import io.fleetcast.forecast.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The mean or median of several methods' forecasts, step by step, for the point forecast and for each interval bound
 * (combining bounds this way is a common, somewhat conservative approximation; the intervals of a mean of correlated
 * forecasts are at most the mean of their widths). Members that cannot fit the series (too short) are left out; the
 * provenance lists the members that took part.
 */
public final class CombinationForecaster implements Forecaster {
    /** How forecasts are combined. */
    public enum Method {
        MEAN,
        MEDIAN
    }

    private final String name;
    private final Method method;
    private final ImmutableList<Forecaster> members;

    public CombinationForecaster(String name, Method method, List<? extends Forecaster> members) {
        this.name = requireNonNull(name, "name is null");
        this.method = requireNonNull(method, "method is null");
        this.members = ImmutableList.copyOf(members);
        checkArgument(!this.members.isEmpty(), "%s needs at least one member method", name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        List<Forecast> forecasts = new ArrayList<>();
        IllegalArgumentException failure = null;
        for (Forecaster member : members) {
            try {
                forecasts.add(member.forecast(series, horizon));
            } catch (IllegalArgumentException tooShort) {
                failure = tooShort;
            }
        }
        if (forecasts.isEmpty()) {
            throw requireNonNull(failure);
        }
        ImmutableMap.Builder<String, Double> parameters = ImmutableMap.builder();
        List<String> models = new ArrayList<>();
        for (Forecast forecast : forecasts) {
            models.add(forecast.provenance().model());
        }
        parameters.put("members", (double) forecasts.size());
        Provenance provenance =
                new Provenance(name + "[" + String.join(", ", models) + "]", parameters.build(), series.length());
        return Forecast.of(
                provenance,
                combine(forecasts, Forecast::mean, horizon),
                combine(forecasts, Forecast::lower80, horizon),
                combine(forecasts, Forecast::upper80, horizon),
                combine(forecasts, Forecast::lower95, horizon),
                combine(forecasts, Forecast::upper95, horizon));
    }

    private double[] combine(List<Forecast> forecasts, Function<Forecast, double[]> part, int h) {
        double[][] values = new double[forecasts.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = part.apply(forecasts.get(i));
        }
        double[] combined = new double[h];
        double[] column = new double[values.length];
        for (int step = 0; step < h; step++) {
            for (int i = 0; i < values.length; i++) {
                column[i] = values[i][step];
            }
            combined[step] = method == Method.MEAN ? mean(column) : median(column);
        }
        return combined;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
