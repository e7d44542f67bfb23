package io.fleetcast.forecast.arima;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Provenance;
import io.fleetcast.forecast.Series;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * ARIMA forecasts: the model R's {@code forecast::auto.arima} would choose (see {@link #automatic()}), or given orders
 * (see {@link #of}), with 80% and 95% normal prediction intervals. Seasonality uses the series' shortest seasonal
 * period.
 */
public final class ArimaForecaster implements Forecaster {
    /** The fewest observations the automatic choice accepts. */
    public static final int MIN_AUTOMATIC_LENGTH = 3;

    private final Optional<Orders> orders;

    /** Orders given by the caller; the period comes from the series. */
    private record Orders(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, boolean constant) {}

    private ArimaForecaster(Optional<Orders> orders) {
        this.orders = orders;
    }

    /**
     * Chooses the model as auto.arima does by default: differences by KPSS tests and the strength of seasonality,
     * then a stepwise search over (p, q, P, Q) and the constant by AICc, with auto.arima's approximation (the search
     * scored by conditional sum of squares, the best models refitted by maximum likelihood) for series longer than
     * 150 observations or periods above 12. Seasonal periods above 350 are ignored (R's arima cannot fit them). A
     * series that is constant, or becomes constant after differencing, is forecast exactly, with zero-width
     * intervals.
     */
    public static ArimaForecaster automatic() {
        return new ArimaForecaster(Optional.empty());
    }

    /**
     * Always fits ARIMA(p,d,q)(P,D,Q) at the series' shortest seasonal period (R's {@code forecast::Arima}), with a
     * constant when {@code constant}: a mean without differencing, a drift with one difference.
     *
     * @throws IllegalArgumentException for negative orders, or a constant with two or more differences
     */
    public static ArimaForecaster of(
            int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, boolean constant) {
        checkArgument(
                p >= 0 && d >= 0 && q >= 0 && seasonalP >= 0 && seasonalD >= 0 && seasonalQ >= 0,
                "orders must be >= 0, got (%s,%s,%s)(%s,%s,%s)",
                p,
                d,
                q,
                seasonalP,
                seasonalD,
                seasonalQ);
        checkArgument(
                !constant || d + seasonalD <= 1,
                "a constant with %s differences would be a polynomial trend; use at most one difference",
                d + seasonalD);
        return new ArimaForecaster(Optional.of(new Orders(p, d, q, seasonalP, seasonalD, seasonalQ, constant)));
    }

    @Override
    public String name() {
        return orders.map(o -> {
                    String seasonal = o.seasonalP() + o.seasonalD() + o.seasonalQ() > 0
                            ? "(" + o.seasonalP() + "," + o.seasonalD() + "," + o.seasonalQ() + ")"
                            : "";
                    return "ARIMA(" + o.p() + "," + o.d() + "," + o.q() + ")" + seasonal + (o.constant() ? "+c" : "");
                })
                .orElse("ARIMA");
    }

    /**
     * The fitted model {@link #forecast} forecasts from.
     *
     * @throws IllegalArgumentException when the series is too short (the message says the minimum length), when
     *     seasonal orders are given for a series without a seasonal period, or when the series is constant after
     *     differencing (no model to fit; {@link #forecast} handles that case)
     */
    public ArimaFit fit(Series series) {
        double[] values = series.values();
        if (orders.isPresent()) {
            return ArimaEstimator.fit(
                    values,
                    order(orders.orElseThrow(), series),
                    orders.orElseThrow().constant());
        }
        checkAutomaticLength(values);
        ArimaSearch.Outcome outcome = ArimaSearch.select(
                values,
                series.primaryPeriod(),
                ArimaSearch.defaultApproximation(values.length, series.primaryPeriod()));
        return outcome.fit()
                .orElseThrow(() -> new IllegalArgumentException("the series is constant after differencing"));
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        double[] values = series.values();
        if (orders.isPresent()) {
            return fit(series).forecast(horizon);
        }
        checkAutomaticLength(values);
        int period = series.primaryPeriod();
        ArimaSearch.Outcome outcome =
                ArimaSearch.select(values, period, ArimaSearch.defaultApproximation(values.length, period));
        if (outcome.fit().isPresent()) {
            return outcome.fit().orElseThrow().forecast(horizon);
        }
        return exact(values, outcome, horizon);
    }

    private static void checkAutomaticLength(double[] values) {
        checkArgument(
                values.length >= MIN_AUTOMATIC_LENGTH,
                "automatic ARIMA needs at least %s observations, got %s",
                MIN_AUTOMATIC_LENGTH,
                values.length);
    }

    private static ArimaOrder order(Orders orders, Series series) {
        int period = series.primaryPeriod();
        boolean seasonal = orders.seasonalP() + orders.seasonalD() + orders.seasonalQ() > 0;
        checkArgument(
                !seasonal || period >= 2,
                "seasonal orders (%s,%s,%s) need a series with a seasonal period",
                orders.seasonalP(),
                orders.seasonalD(),
                orders.seasonalQ());
        return new ArimaOrder(
                orders.p(),
                orders.d(),
                orders.q(),
                orders.seasonalP(),
                orders.seasonalD(),
                orders.seasonalQ(),
                seasonal ? period : 1);
    }

    /**
     * The forecast of a series whose differenced values are all the same constant c, as auto.arima fits it: the
     * differenced series stays at c (with one difference) or at 0 (with two), without error.
     */
    private static Forecast exact(double[] values, ArimaSearch.Outcome outcome, int horizon) {
        int d = outcome.d();
        int seasonalD = outcome.seasonalD();
        int m = outcome.period();
        double[] delta = Polynomials.differencing(d, seasonalD, m);
        double[] differenced = ArimaObjective.difference(values, new ArimaOrder(0, d, 0, 0, seasonalD, 0, m));
        double level = d + seasonalD <= 1 ? differenced[0] : 0;
        int n = values.length;
        double[] extended = new double[n + horizon];
        System.arraycopy(values, 0, extended, 0, n);
        double[] mean = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            int t = n + h;
            double value = level;
            for (int k = 0; k < delta.length; k++) {
                value += delta[k] * extended[t - 1 - k];
            }
            extended[t] = value;
            mean[h] = value;
        }
        ArimaOrder order = m > 1 ? new ArimaOrder(0, d, 0, 0, seasonalD, 0, m) : ArimaOrder.of(0, d, 0);
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("p", 0.0);
        parameters.put("d", (double) d);
        parameters.put("q", 0.0);
        parameters.put("P", 0.0);
        parameters.put("D", (double) seasonalD);
        parameters.put("Q", 0.0);
        parameters.put("period", (double) m);
        if (d + seasonalD <= 1) {
            parameters.put(d + seasonalD == 0 ? "intercept" : "drift", seasonalD == 1 ? level / m : level);
        }
        parameters.put("sigma2", 0.0);
        String model = order + (d + seasonalD <= 1 ? (d + seasonalD == 0 ? " with non-zero mean" : " with drift") : "");
        return Forecast.normal(new Provenance(model, ImmutableMap.copyOf(parameters), n), mean, new double[horizon]);
    }
}
