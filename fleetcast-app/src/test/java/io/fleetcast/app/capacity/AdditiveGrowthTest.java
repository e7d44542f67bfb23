package io.fleetcast.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.app.capacity.AdditiveGrowth.Known;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link AdditiveGrowth} against tables whose least-squares answer is known in closed form. */
class AdditiveGrowthTest {
    @Test
    void aMissingPlacementOfAnExactlyAdditiveTableIsItsServicePlusItsCluster() {
        // Services grow 0.1, 0.3 and 0.0 a year; clusters add 0, 0.3 and 0.05. s1 in c2 is not known.
        double[] service = {0.1, 0.3, 0.0};
        double[] cluster = {0, 0.3, 0.05};
        List<Known> known = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            for (int c = 0; c < 3; c++) {
                if (s != 1 || c != 2) {
                    known.add(new Known("s" + s, "c" + c, service[s] + cluster[c]));
                }
            }
        }
        AdditiveGrowth fit = AdditiveGrowth.fit(known);
        assertThat(fit.predict("s1", "c2")).isCloseTo(0.35, within(1e-12));
        assertThat(fit.predict("s0", "c1")).isCloseTo(0.4, within(1e-12));
        // A service grows 0.3 a year faster in c1 than in c0, and 0.25 slower in c2 than in c1.
        assertThat(fit.between("c0", "c1")).isCloseTo(0.3, within(1e-12));
        assertThat(fit.between("c1", "c2")).isCloseTo(-0.25, within(1e-12));
    }

    @Test
    void aCompleteTableIsFittedByRowMeanPlusColumnMeanLessTheGrandMean() {
        // The least-squares additive fit of a complete two-way table (no interaction) is r̄ + c̄ − ḡ.
        double[][] g = {{0.10, 0.42, 0.20}, {0.31, 0.55, 0.33}};
        List<Known> known = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            for (int c = 0; c < 3; c++) {
                known.add(new Known("s" + s, "c" + c, g[s][c]));
            }
        }
        AdditiveGrowth fit = AdditiveGrowth.fit(known);
        double grand = (0.10 + 0.42 + 0.20 + 0.31 + 0.55 + 0.33) / 6;
        double row0 = (0.10 + 0.42 + 0.20) / 3;
        double column1 = (0.42 + 0.55) / 2;
        assertThat(fit.predict("s0", "c1")).isCloseTo(row0 + column1 - grand, within(1e-12));
        assertThat(fit.predict("s0", "c1")).isNotCloseTo(0.42, within(0.01));
    }

    @Test
    void serviceAndClusterWithoutAKnownLinkHaveNoPrediction() {
        // {s0, s1} x {c0, c1} and {s2} x {c2} share nothing.
        List<Known> known = List.of(
                new Known("s0", "c0", 0.1),
                new Known("s1", "c0", 0.2),
                new Known("s1", "c1", 0.5),
                new Known("s2", "c2", 0.3));
        AdditiveGrowth fit = AdditiveGrowth.fit(known);
        assertThat(fit.predict("s0", "c1")).isCloseTo(0.4, within(1e-12));
        assertThat(fit.predict("s2", "c0")).isNaN();
        assertThat(fit.predict("s0", "c2")).isNaN();
        assertThat(fit.predict("unknown", "c0")).isNaN();
        assertThat(fit.predict("s0", "unknown")).isNaN();
        // s1 links c0 and c1, where it grows 0.3 apart; nothing links c2 to them.
        assertThat(fit.between("c0", "c1")).isCloseTo(0.3, within(1e-12));
        assertThat(fit.between("c0", "c2")).isNaN();
        assertThat(fit.between("c0", "unknown")).isNaN();
    }

    @Test
    void aServicesGrowthInANewClusterIsItsGrowthInTheMedianCluster() {
        // Services grow 0.1 and 0.3 a year; clusters add 0, 0.02, 0.04 and, one built to run out, 0.4. In a cluster
        // the table does not hold, s1 grows as in the median cluster, 0.3 + 0.03, not the mean's 0.3 + 0.115.
        double[] service = {0.1, 0.3};
        double[] cluster = {0, 0.02, 0.04, 0.4};
        List<Known> known = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            for (int c = 0; c < 4; c++) {
                known.add(new Known("s" + s, "c" + c, service[s] + cluster[c]));
            }
        }
        known.add(new Known("s2", "c9", 0.5));
        AdditiveGrowth fit = AdditiveGrowth.fit(known);
        assertThat(fit.typical("s1")).isCloseTo(0.33, within(1e-12));
        assertThat(fit.typical("s0")).isCloseTo(0.13, within(1e-12));
        // s2 is known in one cluster only, which may be one built to grow fast.
        assertThat(fit.typical("s2")).isNaN();
        assertThat(fit.typical("unknown")).isNaN();
    }

    @Test
    void aPredictionsShareOfAPlacementsSpreadIsAsManyPlacementsStandBehindIt() {
        // Four services in five clusters, each growth its service's plus its cluster's plus noise τ. For a new
        // placement of s0 in c0 the prediction's variance is τ² (1/5 + 1/4 − 1/20) = 0.4 τ² (row mean + column mean −
        // grand mean); the share says 1/5 + 1/4, as of two independent means.
        Random random = new Random(5);
        int draws = 4000;
        double squares = 0;
        double share = Double.NaN;
        for (int draw = 0; draw < draws; draw++) {
            List<Known> known = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                for (int c = 0; c < 5; c++) {
                    known.add(new Known("s" + s, "c" + c, 0.1 * s + 0.02 * c + random.nextGaussian()));
                }
            }
            AdditiveGrowth fit = AdditiveGrowth.fit(known);
            double error = fit.predict("s0", "c0"); // s0 in c0 grows 0 + 0 without noise
            squares += error * error;
            share = fit.predictionShare("s0", "c0");
        }
        assertThat(squares / draws).isCloseTo(0.4, within(0.03));
        assertThat(share).isCloseTo(0.45, within(1e-12));
        assertThat(AdditiveGrowth.fit(List.of(new Known("s0", "c0", 0.1))).predictionShare("s0", "c1"))
                .isNaN();
    }
}
