package io.fleetcast.simulator.internal.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomStreamTest {

    @Test
    void sameSeedAndNameGiveTheSameDraws() {
        RandomStream first = RandomStream.of(42, "usage");
        RandomStream second = RandomStream.of(42, "usage");
        for (int i = 0; i < 100; i++) {
            assertThat(first.nextDouble()).isEqualTo(second.nextDouble());
        }
    }

    @Test
    void otherNamesOrSeedsGiveOtherDraws() {
        double draw = RandomStream.of(42, "usage").nextDouble();
        assertThat(RandomStream.of(42, "costs").nextDouble()).isNotEqualTo(draw);
        assertThat(RandomStream.of(43, "usage").nextDouble()).isNotEqualTo(draw);
    }

    @Test
    void derivedStreamsDoNotDependOnTheParentsDraws() {
        RandomStream untouched = RandomStream.of(7, "supply");
        RandomStream used = RandomStream.of(7, "supply");
        for (int i = 0; i < 10; i++) {
            used.nextDouble();
        }
        assertThat(used.derive("cluster-a").nextDouble())
                .isEqualTo(untouched.derive("cluster-a").nextDouble());
        assertThat(used.derive(3).nextDouble()).isEqualTo(untouched.derive(3).nextDouble());
        assertThat(untouched.derive(3).nextDouble())
                .isNotEqualTo(untouched.derive(4).nextDouble());
    }

    @Test
    void scrambleNeverRepeatsForDistinctIndexes() {
        RandomStream random = RandomStream.of(1, "ids");
        Set<Long> seen = new HashSet<>();
        for (long i = 0; i < 100_000; i++) {
            assertThat(seen.add(random.scramble(i))).isTrue();
        }
    }

    @Test
    void gaussianHasUnitMomentsAndWeibullItsKnownMean() {
        RandomStream random = RandomStream.of(3, "moments");
        int count = 200_000;
        double sum = 0;
        double squares = 0;
        double weibull = 0;
        for (int i = 0; i < count; i++) {
            double value = random.gaussian();
            sum += value;
            squares += value * value;
            weibull += random.weibull(2, 1000);
        }
        // Tolerances: about five standard errors of the sample means.
        assertThat(sum / count).isCloseTo(0, within(0.012));
        assertThat(squares / count).isCloseTo(1, within(0.016));
        // E[T] = η Γ(1 + 1/β); Γ(1.5) = √π / 2 = 0.886227.
        assertThat(weibull / count).isCloseTo(886.227, within(5.0));
    }

    @Test
    void poissonHasItsMean() {
        RandomStream random = RandomStream.of(5, "poisson");
        for (double mean : new double[] {0.2, 4, 120}) {
            long sum = 0;
            for (int i = 0; i < 50_000; i++) {
                sum += random.poisson(mean);
            }
            // Tolerance: five standard errors, √(mean / 50000) each.
            assertThat(sum / 50_000.0).isCloseTo(mean, within(5 * Math.sqrt(mean / 50_000) + 0.01));
        }
    }

    @Test
    void rejectsInvalidParameters() {
        RandomStream random = RandomStream.of(1, "bad");
        assertThatThrownBy(() -> random.weibull(-0.3, 10)).hasMessageContaining("-0.3");
        assertThatThrownBy(() -> random.integer(5, 4)).hasMessageContaining("5");
        assertThatThrownBy(() -> random.weightedIndex(new double[] {0, 0})).hasMessageContaining("0");
    }
}
