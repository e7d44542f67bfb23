package io.fleetcast.app.life;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.error.FleetcastException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleetcast life fit}'s service on files: the published fits through the file formats, and bad files. */
class LifeFitServiceTest {
    /** The 30 failures of the reliability docs' Weibull example (reliability-golden.json's first case). */
    private static final String FAILURES_30 =
            "58,75,36,52,63,65,22,17,28,64,23,40,73,45,52,36,52,60,13,55,82,55,34," + "57,23,42,66,35,34,25";

    @TempDir
    Path folder;

    private static void bounds(List<Double> bounds, double lower, double upper, double tolerance) {
        assertThat(bounds).hasSize(2);
        assertThat(bounds.get(0)).as("lower").isCloseTo(lower, within(tolerance));
        assertThat(bounds.get(1)).as("upper").isCloseTo(upper, within(tolerance));
    }

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, text.getBytes(UTF_8));
        return file;
    }

    @Test
    void fitsThePublishedWeibullCaseFromATimeStateFile() throws IOException {
        StringBuilder csv = new StringBuilder("time,state\n");
        for (String t : FAILURES_30.split(",", -1)) {
            csv.append(t).append(",F\n");
        }
        LifeFitService.Result result = LifeFitService.fit(write("w.csv", csv.toString()), "weibull2p", "mle", 0.95);

        assertThat(result.distribution()).isEqualTo("Weibull_2P");
        assertThat(result.method()).isEqualTo("MLE");
        assertThat(result.params().get("scale")).isCloseTo(51.858, within(51.858e-4));
        assertThat(result.params().get("shape")).isCloseTo(2.80086, within(2.80086e-4));
        assertThat(Objects.requireNonNull(result.bounds().get("scale")).get(0)).isCloseTo(45.3359, within(0.05));
        assertThat(result.loglik()).isCloseTo(-129.063, within(0.001));
        assertThat(result.b10()).isCloseTo(23.2209, within(0.03));
        assertThat(result.mttf()).isCloseTo(46.1775, within(0.05));
        assertThat(result.b10Bounds()).hasSize(2);
        assertThat(result.b10Bounds().get(0)).isLessThan(result.b10()).isPositive();
        assertThat(result.b10Bounds().get(1)).isGreaterThan(result.b10());
        assertThat(result.failures()).isEqualTo(30);
        assertThat(result.suspensions()).isZero();

        LifeFitService.Result best = LifeFitService.fit(write("w.csv", csv.toString()), "best", "mle", 0.95);
        assertThat(best.distribution()).isEqualTo("Weibull_2P");
        assertThat(best.ranking()).hasSize(12);
        assertThat(best.ranking().get(0).bic())
                .isLessThanOrEqualTo(best.ranking().get(1).bic());
    }

    @Test
    void readsCountsAndIntervalLayouts() throws IOException {
        // 3 failures, 2 suspensions (the reliability docs' censored case) written with counts, then as intervals.
        Path counted = write("c.csv", "time,state,count\n17,F,1\n5,F,1\n12,F,1\n20,S,1\n25,S,1\n");
        Path intervals = write("i.csv", "lower,upper\n17,17\n5,5\n12,12\n20,\n25,\n");

        LifeFitService.Result fromCounts = LifeFitService.fit(counted, "weibull2p", "mle", 0.95);
        LifeFitService.Result fromIntervals = LifeFitService.fit(intervals, "weibull2p", "mle", 0.95);

        assertThat(fromCounts.params().get("scale")).isCloseTo(23.0653, within(23.0653e-4));
        assertThat(fromIntervals.params()).isEqualTo(fromCounts.params());
        assertThat(fromIntervals.suspensions()).isEqualTo(2);
        LifeFitService.Result leftAndInterval = LifeFitService.fit(
                write("l.csv", "lower,upper,count\n,10,3\n10,20,5\n20,,4\n"), "weibull2p", "mle", 0.9);
        assertThat(leftAndInterval.failures()).isEqualTo(8);
        assertThat(leftAndInterval.suspensions()).isEqualTo(4);
    }

    /** The golden file's 10 failures of its median-rank case. */
    private static final String COMPLETE_10 =
            "time,state\n25,F\n43,F\n53,F\n65,F\n76,F\n86,F\n95,F\n115,F\n132,F\n150,F\n";

    @Test
    void rankRegressionOnEveryFamilysPaper() throws IOException {
        Path file = write("r.csv", COMPLETE_10);

        LifeFitService.Result rry = LifeFitService.fit(file, "weibull2p", "rry", 0.95);
        LifeFitService.Result gamma = LifeFitService.fit(file, "gamma", "rrx", 0.95);

        assertThat(rry.method()).isEqualTo("RRY");
        assertThat(rry.params().get("scale")).isCloseTo(96.37348534, within(1e-6));
        assertThat(rry.bounds()).isEmpty();
        assertThat(rry.boundsMethod()).isEqualTo("none");
        assertThat(rry.bLives()).extracting(LifeFitService.BLife::percent).containsExactly(1.0, 10.0, 50.0);
        assertThat(rry.bLives().get(1).life()).isCloseTo(rry.b10(), within(1e-12));
        assertThat(rry.bLives().get(1).bounds()).isEmpty();
        // rank-regression-and-lr-bounds.R (fleetcast-reliability's test resources): gamma RRX on these data.
        assertThat(gamma.params().get("shape")).isCloseTo(3.87569449144, within(3.87569449144e-6));
        assertThat(gamma.params().get("scale")).isCloseTo(22.1985519745, within(22.1985519745e-6));
        assertThat(gamma.loglik()).isCloseTo(-50.4178242512, within(50.4178242512e-6));
        assertThat(Objects.requireNonNull(gamma.andersonDarling())).isCloseTo(1.26411172852, within(1.3e-6));
        assertThat(Objects.requireNonNull(gamma.correlation())).isCloseTo(0.993112229712, within(1e-9));
        assertThatThrownBy(
                        () -> LifeFitService.fit(write("i.csv", "lower,upper\n1,2\n3,4\n5,5\n"), "normal", "rrx", 0.95))
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining("i.csv: median ranks take exact failures and suspensions");
    }

    @Test
    void bestByRankRegressionIsRankedByAndersonDarling() throws IOException {
        LifeFitService.Result best = LifeFitService.fit(write("r.csv", COMPLETE_10), "best", "rrx", 0.95);

        // rank-regression-and-lr-bounds.R: by RRX the Weibull has the smallest AD (1.25834790213; its 3P form puts
        // the location at 0 and ties), then gamma 1.26411, normal 1.27843, lognormal 1.35023, ...; the exponential 2P
        // has its location at the first failure and an infinite AD, so it comes last, without a number.
        assertThat(best.distribution()).isEqualTo("Weibull_2P");
        assertThat(best.method()).isEqualTo("RRX");
        assertThat(Objects.requireNonNull(best.andersonDarling())).isCloseTo(1.25834790213, within(1.3e-6));
        assertThat(best.ranking()).hasSize(10);
        assertThat(best.ranking())
                .extracting(LifeFitService.Ranked::distribution)
                .startsWith("Weibull_2P", "Weibull_3P", "Gamma_2P", "Normal_2P")
                .endsWith("Exponential_1P", "Exponential_2P");
        assertThat(best.ranking().get(9).andersonDarling()).isNull();
        assertThat(best.ranking().get(2).andersonDarling()).isCloseTo(1.26411172852, within(1.3e-6));
    }

    @Test
    void quotesBLivesAndAMissionWithLikelihoodRatioBounds() throws IOException {
        // ReliaSoft's 5 failures (10 to 50 hours), 90%: the likelihood-ratio bounds of rank-regression-and-lr-bounds.R.
        Path file = write("w.csv", "time,state\n10,F\n20,F\n30,F\n40,F\n50,F\n");

        LifeFitService.Result now = LifeFitService.fit(
                new LifeFitService.Request(file, "weibull2p", "mle", 0.90, "lr", ImmutableList.of(10.0), 30.0, 0));
        LifeFitService.Result aged = LifeFitService.fit(new LifeFitService.Request(
                file, "weibull2p", "mle", 0.90, "lr", LifeFitService.DEFAULT_B_LIVES, 10.0, 20));

        assertThat(now.boundsMethod()).isEqualTo("lr");
        bounds(Objects.requireNonNull(now.bounds().get("shape")), 1.14203945797, 3.95206751204, 4e-6);
        assertThat(now.bLives()).hasSize(1);
        bounds(now.bLives().get(0).bounds(), 3.83292264998, 22.3464380072, 2e-5);
        assertThat(now.b10Bounds()).isEqualTo(now.bLives().get(0).bounds());
        bounds(now.mttfBounds(), 20.246671125, 44.3961590109, 4e-5);
        LifeFitService.Mission mission = Objects.requireNonNull(now.mission());
        assertThat(mission.reliability()).isCloseTo(0.470793756413, within(1e-6));
        bounds(mission.reliabilityBounds(), 0.204226089678, 0.749533299651, 1e-6);
        assertThat(mission.conditionalReliability()).isCloseTo(mission.reliability(), within(1e-12));
        bounds(mission.hazardBounds(), 0.0239888189318, 0.112981591819, 1e-7);
        LifeFitService.Mission agedMission = Objects.requireNonNull(aged.mission());
        bounds(agedMission.conditionalReliabilityBounds(), 0.415111802775, 0.821280136738, 1e-6);
        assertThat(aged.bLives()).extracting(LifeFitService.BLife::percent).containsExactly(1.0, 10.0, 50.0);

        LifeFitService.Result fisher = LifeFitService.fit(new LifeFitService.Request(
                file, "weibull2p", "mle", 0.90, "fisher", LifeFitService.DEFAULT_B_LIVES, 10.0, 20));
        assertThat(fisher.boundsMethod()).isEqualTo("fisher");
        assertThat(Objects.requireNonNull(fisher.mission()).conditionalReliability())
                .isCloseTo(agedMission.conditionalReliability(), within(1e-9));
        assertThat(Objects.requireNonNull(fisher.mission()).conditionalReliabilityBounds())
                .isNotEqualTo(agedMission.conditionalReliabilityBounds());

        assertThatThrownBy(() -> LifeFitService.fit(new LifeFitService.Request(
                        file, "lognormal2p", "mle", 0.9, "lr", LifeFitService.DEFAULT_B_LIVES, null, 0)))
                .hasMessageContaining("--bounds lr (likelihood ratio) is for --dist weibull2p --method mle");
        assertThatThrownBy(() -> LifeFitService.fit(new LifeFitService.Request(
                        file, "weibull2p", "mle", 0.9, "fisher", ImmutableList.of(0.0), null, 0)))
                .hasMessageContaining("--b takes the percent failed, above 0 and below 100");
        assertThatThrownBy(() -> LifeFitService.fit(new LifeFitService.Request(
                        file, "weibull2p", "mle", 0.9, "fisher", LifeFitService.DEFAULT_B_LIVES, null, 5)))
                .hasMessageContaining("--age needs --mission");
        assertThatThrownBy(() -> LifeFitService.fit(new LifeFitService.Request(
                        file, "weibull2p", "mle", 0.9, "bayes", LifeFitService.DEFAULT_B_LIVES, null, 0)))
                .hasMessageContaining("unknown bounds \"bayes\"; use fisher or lr");
    }

    @Test
    void badFilesAndChoicesAreRefusedWithTheirPlace() throws IOException {
        assertThatThrownBy(() -> LifeFitService.fit(write("h.csv", "t,s\n1,F\n"), "weibull2p", "mle", 0.95))
                .isInstanceOf(FleetcastException.class)
                .hasMessageEndingWith("h.csv:1: expected the header \"time,state[,count]\" or \"lower,upper[,count]\","
                        + " got \"t,s\"");
        assertThatThrownBy(() -> LifeFitService.fit(write("s.csv", "time,state\n1,F\n2,X\n"), "weibull2p", "mle", 0.95))
                .hasMessageEndingWith("s.csv:3: column \"state\": expected F (failed) or S (suspended), got \"X\"");
        assertThatThrownBy(
                        () -> LifeFitService.fit(write("n.csv", "time,state\n1,F\n-2,F\n"), "weibull2p", "mle", 0.95))
                .hasMessageEndingWith("n.csv:3: a failure time must be a number of at least 0, got -2.0");
        assertThatThrownBy(
                        () -> LifeFitService.fit(write("f.csv", "time,state\n1,F\nabc,F\n"), "weibull2p", "mle", 0.95))
                .hasMessageEndingWith("f.csv:3: column \"time\": expected a number, got \"abc\"");
        assertThatThrownBy(() -> LifeFitService.fit(write("a.csv", "time,state\n1,S\n2,S\n"), "weibull2p", "mle", 0.95))
                .hasMessageContaining("a.csv: Weibull_2P has 2 parameters but the data have 0 failures");
        Path good = write("g.csv", "time,state\n1,F\n2,F\n3,F\n");
        assertThatThrownBy(() -> LifeFitService.fit(good, "weibull", "mle", 0.95))
                .hasMessageContaining(
                        "unknown distribution \"weibull\"; use one of weibull2p, weibull3p, exponential1p");
        assertThat(LifeFitService.fit(good, "weibull3p", "mle", 0.95).params()).containsKey("location");
        assertThatThrownBy(() -> LifeFitService.fit(good, "weibull2p", "mle", 95))
                .hasMessageContaining("--confidence must be between 0 and 1");
        assertThatThrownBy(() -> LifeFitService.fit(folder.resolve("none.csv"), "weibull2p", "mle", 0.95))
                .hasMessageEndingWith("none.csv: no such file");
    }
}
