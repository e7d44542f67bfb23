package io.fleetcast.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.forecast.auto.AutomaticForecaster;
import io.fleetcast.forecast.benchmark.Naive2Forecaster;
import io.fleetcast.forecast.benchmark.NaiveForecaster;
import io.fleetcast.forecast.benchmark.SeasonalNaiveForecaster;
import io.fleetcast.forecast.ets.EtsForecaster;
import io.fleetcast.forecast.seasonal.SeasonallyAdjustedForecaster;
import io.fleetcast.forecast.theta.ThetaForecaster;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The benchmark scores the M4 benchmark methods exactly as the competition did: our Naive, sNaive and Naive2 on the
 * Hourly and Weekly series reproduce the official sMAPE and MASE (published to three decimals).
 */
class ForecastBenchmarkTest {
    @TempDir
    Path folder;

    /** The M4 files kept with the tests (see src/test/resources/m4/README.md). */
    static Path m4() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(ForecastBenchmarkTest.class.getResource("/m4"))
                .toURI());
    }

    @ParameterizedTest
    @EnumSource(ForecastBenchmark.Frequency.class)
    void reproducesTheOfficialScoresOfTheM4Benchmarks(ForecastBenchmark.Frequency frequency) throws Exception {
        ForecastBenchmark.Result result = ForecastBenchmark.run(
                m4(),
                frequency,
                List.of(new Naive2Forecaster(), new NaiveForecaster(), new SeasonalNaiveForecaster()),
                line -> {});

        assertThat(result.series()).isEqualTo(frequency == ForecastBenchmark.Frequency.HOURLY ? 414 : 359);
        assertThat(result.scores()).hasSize(3);
        for (ForecastBenchmark.Score score : result.scores()) {
            ForecastBenchmark.Published published = score.published().orElseThrow();
            assertThat(score.smape()).as("%s sMAPE", score.method()).isCloseTo(published.smape(), within(5e-4));
            assertThat(score.mase()).as("%s MASE", score.method()).isCloseTo(published.mase(), within(5e-4));
            assertThat(score.owa()).as("%s OWA", score.method()).isCloseTo(published.owa(), within(5e-4));
        }
        assertThat(result.owa()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @EnumSource(ForecastBenchmark.Frequency.class)
    void thetaReproducesM4sTheta(ForecastBenchmark.Frequency frequency) throws Exception {
        ForecastBenchmark.Result result = ForecastBenchmark.run(
                m4(), frequency, List.of(new SeasonallyAdjustedForecaster("Theta", new ThetaForecaster())), line -> {});

        ForecastBenchmark.Score theta = result.scores().get(0);
        ForecastBenchmark.Published published = theta.published().orElseThrow();
        assertThat(theta.smape()).isCloseTo(published.smape(), within(0.005));
        assertThat(theta.mase()).isCloseTo(published.mase(), within(0.005));
        assertThat(theta.owa()).isCloseTo(published.owa(), within(0.005));
    }

    @Test
    void exponentialSmoothingMatchesM4sOwnAndTheAutomaticChoiceBeatsNaive2OnWeekly() throws Exception {
        ForecastBenchmark.Result result = ForecastBenchmark.run(
                m4(),
                ForecastBenchmark.Frequency.WEEKLY,
                List.of(
                        EtsForecaster.automatic(),
                        new SeasonallyAdjustedForecaster("SES", EtsForecaster.of("ANN")),
                        new SeasonallyAdjustedForecaster("Damped", EtsForecaster.of("AAdN"))),
                line -> {});

        ForecastBenchmark.Score automatic = result.scores().get(0);
        ForecastBenchmark.Score ses = result.scores().get(1);
        ForecastBenchmark.Score damped = result.scores().get(2);
        // M4 fitted these with R's forecast package; maximum likelihood should land on (nearly) the same forecasts.
        assertThat(ses.smape()).isCloseTo(ses.published().orElseThrow().smape(), within(0.01));
        assertThat(ses.mase()).isCloseTo(ses.published().orElseThrow().mase(), within(0.01));
        assertThat(damped.smape()).isCloseTo(damped.published().orElseThrow().smape(), within(0.05));
        assertThat(damped.mase()).isCloseTo(damped.published().orElseThrow().mase(), within(0.01));
        assertThat(automatic.owa()).isLessThan(0.95);
        // Real data: the 95% intervals of the automatic choice must hold most of what happened (M4 found that
        // statistical methods' intervals cover too little; 0.85 is the floor we hold ourselves to here).
        assertThat(automatic.coverage95()).isBetween(0.85, 1.0);
        assertThat(automatic.coverage80()).isBetween(0.65, automatic.coverage95());
    }

    /**
     * Fleetcast's automatic method on the first M4 series of each frequency (a subset, to keep the tests fast; the
     * full runs are in docs/benchmarks.md): more accurate than seasonal naive and Theta, and its calibrated 95%
     * intervals hold at least 90% of what happened.
     */
    @ParameterizedTest
    @EnumSource(ForecastBenchmark.Frequency.class)
    void theAutomaticMethodBeatsTheBenchmarksAndItsIntervalsHold(ForecastBenchmark.Frequency frequency)
            throws Exception {
        int series = frequency == ForecastBenchmark.Frequency.HOURLY ? 60 : 100;
        ForecastBenchmark.Result result = ForecastBenchmark.run(
                m4(),
                frequency,
                series,
                List.of(
                        new AutomaticForecaster(),
                        new SeasonalNaiveForecaster(),
                        new SeasonallyAdjustedForecaster("Theta", new ThetaForecaster())),
                line -> {});

        ForecastBenchmark.Score automatic = result.scores().get(0);
        assertThat(automatic.owa()).isLessThan(result.scores().get(1).owa());
        assertThat(automatic.owa()).isLessThan(result.scores().get(2).owa());
        assertThat(automatic.owa()).isLessThan(frequency == ForecastBenchmark.Frequency.HOURLY ? 1.0 : 0.93);
        assertThat(automatic.coverage95()).isBetween(0.90, 1.0);
        assertThat(automatic.coverage80()).isBetween(0.75, automatic.coverage95());
    }

    @ParameterizedTest
    @EnumSource(ForecastBenchmark.Frequency.class)
    void aBadValueNamesTheFileAndLine(ForecastBenchmark.Frequency frequency) throws IOException {
        Path train = folder.resolve(frequency.label() + "-train.csv.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(train))) {
            out.write("\"V1\",\"V2\",\"V3\"\n\"H1\",\"1\",\"2\"\n\"H2\",\"3\",\"x4\"\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> ForecastBenchmark.readSeries(train))
                .isInstanceOf(FleetcastException.class)
                .hasMessage(train + ":3: column 3: expected a number, got \"x4\"");
        Path empty = Files.createDirectory(folder.resolve("empty"));
        assertThatThrownBy(() -> ForecastBenchmark.run(empty, frequency, List.of(new NaiveForecaster()), line -> {}))
                .hasMessage(empty.resolve(frequency.label() + "-train.csv.gz")
                        + ": no such file (expected the M4 competition's data files)");
    }
}
