package io.fleetcast.forecast.auto;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.arima.ArimaForecaster;
import io.fleetcast.forecast.backtest.SelectingForecaster;
import io.fleetcast.forecast.benchmark.NaiveForecaster;
import io.fleetcast.forecast.benchmark.SeasonalNaiveForecaster;
import io.fleetcast.forecast.combine.CombinationForecaster;
import io.fleetcast.forecast.combine.CombinationForecaster.Method;
import io.fleetcast.forecast.ets.EtsForecaster;
import io.fleetcast.forecast.regression.RegressionForecaster;
import io.fleetcast.forecast.regression.RegressionModel;
import io.fleetcast.forecast.regression.RegressionModel.Scale;
import io.fleetcast.forecast.regression.RegressionModel.Season;
import io.fleetcast.forecast.regression.Regressor;
import io.fleetcast.forecast.seasonal.MstlForecaster;
import io.fleetcast.forecast.seasonal.SeasonallyAdjustedForecaster;
import io.fleetcast.forecast.theta.ThetaForecaster;
import io.fleetcast.forecast.transform.LogForecaster;
import java.util.ArrayList;
import java.util.List;

/**
 * Fleetcast's default method. It backtests a few strong candidates on the series (three non-overlapping windows of
 * the requested horizon, the last ones before the end of the data), forecasts with the one whose backtest MASE is
 * lowest, and calibrates that method's intervals on its backtest errors. The candidates depend on the series:
 *
 * <ul>
 *   <li>without a seasonal period: automatic ETS, Theta, damped trend ETS, automatic ARIMA, the mean of the first
 *       three and the median of ETS, Theta and ARIMA;
 *   <li>with seasonal periods: MSTL with automatic ETS on the adjusted series, the same on the logs (for positive
 *       series), seasonal naive, Theta on the seasonally adjusted series, the mean of seasonal naive and log-MSTL, and,
 *       when the shortest period is at most {@value #MAXIMUM_ETS_PERIOD}, seasonal ETS, seasonal ARIMA and the median
 *       of ETS, Theta and ARIMA (longer cycles make both slow and poorly identified; MSTL handles them).
 * </ul>
 *
 * Given events and traffic drivers ({@link #withRegressors}), the {@linkplain RegressionModel regression model} with
 * them and a Fourier seasonality per period joins the candidates (on the log scale for positive series).
 *
 * <p>A series too short to backtest is forecast by the first candidate (MSTL-ETS, or ETS without seasonality); a
 * constant series by the naive method (the constant, with zero-width intervals).
 */
public final class AutomaticForecaster implements Forecaster {
    /** Backtest windows per candidate. */
    public static final int FOLDS = 3;
    /** The longest shortest-period for which seasonal ETS and ARIMA are candidates. */
    public static final int MAXIMUM_ETS_PERIOD = 12;
    /** The most Fourier pairs the regression candidate uses per seasonal period. */
    public static final int MAXIMUM_FOURIER_ORDER = 10;

    private final ImmutableList<Regressor> regressors;

    /** The automatic method without external regressors. */
    public AutomaticForecaster() {
        this(ImmutableList.of());
    }

    private AutomaticForecaster(List<Regressor> regressors) {
        this.regressors = ImmutableList.copyOf(regressors);
    }

    /**
     * The automatic method with events and drivers (each covering the series and the horizon, indexed from its first
     * observation), which the regression candidate uses.
     */
    public static AutomaticForecaster withRegressors(List<Regressor> regressors) {
        return new AutomaticForecaster(regressors);
    }

    @Override
    public String name() {
        return "Auto";
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        if (isConstant(series)) {
            Forecast constant = new NaiveForecaster().forecast(series, horizon);
            return constant.withProvenance(constant.provenance().within(name(), ImmutableMap.of()));
        }
        List<Forecaster> candidates = new ArrayList<>(candidates(series));
        if (!regressors.isEmpty()) {
            candidates.add(regression(series));
        }
        return new SelectingForecaster(name(), candidates, FOLDS, true).forecast(series, horizon);
    }

    /**
     * The method this forecaster would use for {@code series} at {@code horizon} (uncalibrated), so a caller can run it
     * again on shorter histories without choosing again.
     */
    public Forecaster choose(Series series, int horizon) {
        if (isConstant(series)) {
            return new NaiveForecaster();
        }
        List<Forecaster> candidates = new ArrayList<>(candidates(series));
        if (!regressors.isEmpty()) {
            candidates.add(regression(series));
        }
        return new SelectingForecaster(name(), candidates, FOLDS, true).choose(series, horizon);
    }

    /** The regression candidate: log scale for a positive series, a Fourier seasonality per period. */
    private Forecaster regression(Series series) {
        return new RegressionForecaster(regressionModel(series), regressors);
    }

    /**
     * The regression model alone, with {@code regressors}, as the automatic method's regression candidate shapes it
     * for each series: for forecasts that must follow the drivers (a driver scenario), whichever method would win.
     */
    public static Forecaster regressionWith(List<Regressor> regressors) {
        ImmutableList<Regressor> fixed = ImmutableList.copyOf(regressors);
        return new Forecaster() {
            @Override
            public String name() {
                return "Regression";
            }

            @Override
            public Forecast forecast(Series series, int horizon) {
                return new RegressionForecaster(regressionModel(series), fixed).forecast(series, horizon);
            }
        };
    }

    private static RegressionModel regressionModel(Series series) {
        boolean positive = true;
        for (int t = 0; t < series.length(); t++) {
            positive &= series.value(t) > 0;
        }
        List<Season> seasons = new ArrayList<>();
        for (int period : series.seasonalPeriods()) {
            seasons.add(new Season(period, Math.min(MAXIMUM_FOURIER_ORDER, period / 2)));
        }
        return RegressionModel.of(positive ? Scale.MULTIPLICATIVE : Scale.ADDITIVE, seasons.toArray(Season[]::new));
    }

    private static boolean isConstant(Series series) {
        for (int t = 1; t < series.length(); t++) {
            if (series.value(t) != series.value(0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The candidate methods for {@code series}, the fallback first. Methods that several candidates share are
     * memoized, so they fit each backtest window once: use the list for this series only.
     */
    public static ImmutableList<Forecaster> candidates(Series series) {
        Forecaster ets = new MemoizedForecaster(EtsForecaster.automatic());
        Forecaster theta = new MemoizedForecaster(new SeasonallyAdjustedForecaster("Theta", new ThetaForecaster()));
        Forecaster arima = new MemoizedForecaster(ArimaForecaster.automatic());
        if (series.seasonalPeriods().length == 0) {
            Forecaster damped = new MemoizedForecaster(EtsForecaster.of("AAdN"));
            return ImmutableList.of(
                    ets,
                    theta,
                    damped,
                    arima,
                    new CombinationForecaster(
                            "Comb(ETS, Theta, Damped)", Method.MEAN, ImmutableList.of(ets, theta, damped)),
                    new CombinationForecaster(
                            "Median(ETS, Theta, ARIMA)", Method.MEDIAN, ImmutableList.of(ets, theta, arima)));
        }
        Forecaster mstl = new MstlForecaster("MSTL", EtsForecaster.automatic());
        Forecaster logMstl = new MemoizedForecaster(new LogForecaster("Log", mstl));
        Forecaster seasonalNaive = new MemoizedForecaster(new SeasonalNaiveForecaster());
        ImmutableList.Builder<Forecaster> candidates = ImmutableList.builder();
        candidates.add(
                mstl,
                logMstl,
                seasonalNaive,
                theta,
                new CombinationForecaster(
                        "Comb(sNaive, Log MSTL)", Method.MEAN, ImmutableList.of(seasonalNaive, logMstl)));
        if (series.primaryPeriod() <= MAXIMUM_ETS_PERIOD) {
            candidates.add(
                    ets,
                    arima,
                    new CombinationForecaster(
                            "Median(ETS, Theta, ARIMA)", Method.MEDIAN, ImmutableList.of(ets, theta, arima)));
        }
        return candidates.build();
    }
}
