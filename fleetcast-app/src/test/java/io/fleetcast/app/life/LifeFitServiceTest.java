package io.fleetcast.app.life;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.core.error.FleetcastException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(best.ranking()).hasSize(10);
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

    @Test
    void rankRegressionOnWeibullPaper() throws IOException {
        Path file = write("r.csv", "time,state\n25,F\n43,F\n53,F\n65,F\n76,F\n86,F\n95,F\n115,F\n132,F\n150,F\n");

        LifeFitService.Result rry = LifeFitService.fit(file, "weibull2p", "rry", 0.95);

        assertThat(rry.method()).isEqualTo("RRY");
        assertThat(rry.params().get("scale")).isCloseTo(96.37348534, within(1e-6));
        assertThat(rry.bounds()).isEmpty();
        assertThatThrownBy(() -> LifeFitService.fit(file, "gamma", "rrx", 0.95))
                .hasMessageContaining("rank regression (--method rrx) fits weibull2p so far");
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
