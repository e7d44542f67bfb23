package io.fleetcast.planning.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import io.fleetcast.planning.headroom.ForecastErrors.Form;
import io.fleetcast.planning.supply.EmpiricalDays;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.junit.jupiter.api.Test;

/** Hand-computed cases: each figure in a comment is worked out from the inputs by hand. */
class HeadroomSizerTest {
    private static final double EPSILON = 1e-9;

    /** 1, 2, ..., {@code n}. */
    private static ForecastErrors oneTo(int n) {
        List<Double> values = new ArrayList<>();
        for (int i = n; i >= 1; i--) {
            values.add((double) i);
        }
        return ForecastErrors.of("test", Form.ABSOLUTE, 30, values);
    }

    private static HeadroomRequest.Builder request(double p, ForecastErrors errors) {
        return HeadroomRequest.builder("cores", p, 30).demand(1000, errors).seed(7);
    }

    @Test
    void toleranceRankReproducesWilksSampleSizes() {
        // Wilks (1941): 59 runs give a one-sided 95%/95% bound by their largest value, 58 do not (1 - 0.95^58 = 0.949);
        // 93 runs give it by the second largest, 92 do not.
        assertThat(HeadroomSizer.toleranceRank(59, 0.95, 0.95)).isEqualTo(59);
        assertThat(HeadroomSizer.toleranceRank(58, 0.95, 0.95)).isEqualTo(59);
        assertThat(HeadroomSizer.toleranceRank(93, 0.95, 0.95)).isEqualTo(92);
        assertThat(HeadroomSizer.toleranceRank(92, 0.95, 0.95)).isEqualTo(92);
        // 99% with 90% confidence: 1 - 0.99^230 = 0.9009, 1 - 0.99^229 = 0.8999.
        assertThat(HeadroomSizer.toleranceRank(230, 0.99, 0.9)).isEqualTo(230);
        assertThat(HeadroomSizer.toleranceRank(229, 0.99, 0.9)).isEqualTo(230);
    }

    @Test
    void toleranceRankIsTheSmallestRankWhoseBinomialCumulativeReachesTheConfidence() {
        // Against the definition, rank by rank, for the sample sizes a pooled plan meets.
        for (int n : new int[] {1, 2, 12, 59, 231, 388, 1000, 3396}) {
            for (double[] pg : new double[][] {{0.99, 0.9}, {0.95, 0.95}, {0.9, 0.5}}) {
                BinomialDistribution below = new BinomialDistribution(n, pg[0]);
                int expected = n + 1;
                for (int rank = 1; rank <= n; rank++) {
                    if (below.cumulativeProbability(rank - 1) >= pg[1]) {
                        expected = rank;
                        break;
                    }
                }
                assertThat(HeadroomSizer.toleranceRank(n, pg[0], pg[1]))
                        .as("n %d, p %s, confidence %s", n, pg[0], pg[1])
                        .isEqualTo(expected);
            }
        }
        // 388 errors: the second largest reaches 99% with 90% confidence (1 - 0.99^388 - 388 · 0.01 · 0.99^387 = 0.90).
        assertThat(HeadroomSizer.toleranceRank(388, 0.99, 0.9)).isEqualTo(387);
    }

    @Test
    void demandQuantileIsTheOrderStatisticThatReachesTheConfidence() {
        // Binomial(20, 0.9): P(<= 17) = 0.3231, P(<= 18) = 0.6083, P(<= 19) = 1 - 0.9^20 = 0.8784.
        assertThat(HeadroomSizer.size(request(0.9, oneTo(20)).confidence(0.5).build())
                        .component("forecast_error")
                        .amount())
                .isEqualTo(19);
        HeadroomSizing sure =
                HeadroomSizer.size(request(0.9, oneTo(20)).confidence(0.8).build());
        assertThat(sure.component("forecast_error").amount()).isEqualTo(20);
        assertThat(sure.notes()).isEmpty();
        HeadroomSizing tooFew =
                HeadroomSizer.size(request(0.9, oneTo(20)).confidence(0.9).build());
        assertThat(tooFew.component("forecast_error").amount()).isEqualTo(20);
        // ln(0.1) / ln(0.9) = 21.85: 22 errors are needed.
        assertThat(tooFew.notes())
                .containsExactly("20 forecast errors are too few to reach a 90% service level with 90% confidence: the"
                        + " largest is used, which reaches it with 87.84% confidence; 22 errors are needed");
        assertThat(tooFew.method().errorRank()).isEqualTo(20);
        assertThat(tooFew.component("forecast_error").explanation())
                .contains("error 20 of 20 backtest errors")
                .contains("which reaches the 90% quantile with only 87.84% confidence (90% needs 22 errors): 20");
        assertThat(sure.component("forecast_error").explanation())
                .contains("which reaches the 90% quantile with 80% confidence: 20");
    }

    @Test
    void componentsComposeAsDocumented() {
        HeadroomSizing sizing = HeadroomSizer.size(request(0.9, oneTo(20))
                .confidence(0.5)
                .disasterRecovery(new DisasterRecoveryReserve(50, 0.01))
                .utilizationCeiling(0.8)
                .maintenanceFraction(0.1)
                .failureDomains(
                        List.of(
                                new FailureDomain("rack-a", 100),
                                new FailureDomain("rack-b", 300),
                                new FailureDomain("rack-c", 200),
                                new FailureDomain("rack-d", 400)),
                        1)
                .build());
        // statistical 19 (no supply risk); disaster recovery 50 + 1% of 1000 = 60; load 1000 + 19 + 60 = 1079;
        // / 0.8 = 1348.75; / 0.9 = 1498.6111; the largest rack holds 400 / 1000, / 0.6 = 2497.6852.
        assertThat(sizing.component("statistical").amount()).isEqualTo(19);
        assertThat(sizing.component("supply_variance").amount()).isZero();
        assertThat(sizing.component("disaster_recovery").amount()).isCloseTo(60, within(EPSILON));
        assertThat(sizing.component("utilization_ceiling").amount()).isCloseTo(269.75, within(EPSILON));
        assertThat(sizing.component("maintenance").amount()).isCloseTo(1498.6111111 - 1348.75, within(1e-6));
        assertThat(sizing.component("failure_domains").amount()).isCloseTo(2497.6851852 - 1498.6111111, within(1e-6));
        assertThat(sizing.supplyNeeded()).isCloseTo(2497.6851852, within(1e-6));
        assertThat(sizing.totalBuffer()).isCloseTo(1497.6851852, within(1e-6));
        assertThat(sizing.flatRule().buffer()).isCloseTo(200, within(EPSILON));
        assertThat(sizing.flatRule().difference()).isCloseTo(1297.6851852, within(1e-6));
        assertThat(sizing.flatRule().larger()).isEqualTo("sized");
        assertThat(sizing.component("failure_domains").rule()).isEqualTo("N+1: ÷ (1 − 0.4)");
        assertThat(sizing.component("utilization_ceiling").explanation())
                .isEqualTo("a load of 1,079 cores may use at most 80% of capacity: 1,348.75 cores");
        double counted = sizing.components().stream()
                .filter(HeadroomComponent::counted)
                .mapToDouble(HeadroomComponent::amount)
                .sum();
        assertThat(counted).isCloseTo(sizing.totalBuffer(), within(1e-9));
    }

    @Test
    void relativeErrorsScaleWithTheForecast() {
        List<Double> relative = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            relative.add(i / 100.0);
        }
        HeadroomSizing sizing = HeadroomSizer.size(HeadroomRequest.builder("GiB", 0.9, 30)
                .demand(500, ForecastErrors.of("test", Form.RELATIVE, 30, relative))
                .confidence(0.5)
                .seed(1)
                .build());
        // The 19th smallest is 0.19 of 500 GiB.
        assertThat(sizing.component("statistical").amount()).isCloseTo(95, within(EPSILON));
        assertThat(sizing.flatRule().larger()).isEqualTo("flat");
        assertThat(sizing.flatRule().difference()).isCloseTo(-5, within(EPSILON));
    }

    /** Slips of 40 delivered orders: 30 on time, 10 ten days late. */
    private static EmpiricalDays tenLateOfForty() {
        int[] slips = new int[40];
        for (int i = 30; i < 40; i++) {
            slips[i] = 10;
        }
        return EmpiricalDays.of(slips);
    }

    @Test
    void lateProbabilityBoundIsClopperPearson() {
        // None late of 10: Beta(1, 10), whose 90% quantile is 1 - 0.1^(1/10) = 0.2057.
        assertThat(new OrderInFlight("s", 1, 25, EmpiricalDays.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
                        .lateProbabilityBound(30, 0.9))
                .isCloseTo(1 - Math.pow(0.1, 0.1), within(1e-9));
        // Three late of 4: Beta(4, 1), whose median is 0.5^(1/4) = 0.8409.
        assertThat(new OrderInFlight("s", 1, 25, EmpiricalDays.of(0, 10, 10, 10)).lateProbabilityBound(30, 0.5))
                .isCloseTo(Math.pow(0.5, 0.25), within(1e-9));
        assertThat(new OrderInFlight("s", 1, 25, EmpiricalDays.of(10, 10)).lateProbabilityBound(30, 0.9))
                .isEqualTo(1);
        // Overdue 3 days and no past order waited longer: it arrives at once.
        assertThat(new OrderInFlight("s", 1, -3, EmpiricalDays.of(0, 1, 2)).lateProbabilityBound(30, 0.9))
                .isZero();
    }

    @Test
    void lateProbabilityOfAnOrder() {
        // Slips 0, 0, 0, 10 days: promised in 25 of 30 days, it is late when it slips more than 5 days: 1 in 4.
        assertThat(new OrderInFlight("s", 100, 25, EmpiricalDays.of(0, 0, 0, 10)).lateProbability(30))
                .isEqualTo(0.25);
        // Already 3 days overdue, of slips 0, 2, 5, 40, 50 only 5, 40 and 50 remain possible; it may slip 33 days.
        assertThat(new OrderInFlight("s", 100, -3, EmpiricalDays.of(0, 2, 5, 40, 50)).lateProbability(30))
                .isCloseTo(2.0 / 3, within(EPSILON));
    }

    @Test
    void certainLossesAddToTheForecastError() {
        HeadroomSizing sizing = HeadroomSizer.size(request(0.9, oneTo(20))
                .confidence(0.5)
                .pool(new SupplyPool("old", 10, 8, 1.0))
                .pool(new SupplyPool("new", 50, 8, 0.0))
                .order(new OrderInFlight("far", 64, 40, EmpiricalDays.of(0)))
                .build());
        // Every old server fails (80 cores lost), nothing else can: 19 + 80.
        assertThat(sizing.component("supply_variance").amount()).isEqualTo(80);
        assertThat(sizing.component("statistical").amount()).isCloseTo(99, within(1e-6));
        assertThat(sizing.notes()).containsExactly("1 orders promised after the lead time are not counted as supply");
    }

    @Test
    void jointQuantileIsBelowTheSumOfTheStandAloneOnes() {
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            errors.add(i % 2 == 0 ? 0.0 : 100.0);
        }
        HeadroomSizing sizing = HeadroomSizer.size(HeadroomRequest.builder("cores", 0.8, 30)
                .demand(1000, ForecastErrors.of("test", Form.ABSOLUTE, 30, errors))
                .confidence(0.5)
                .order(new OrderInFlight("late-one-in-four", 1000, 25, tenLateOfForty()))
                .seed(11)
                .build());
        // Errors 0 or 100 cores, half each: the median of Binomial(100, 0.8) is 80, so the 81st smallest, 100, reaches
        // the 80% quantile with 50% confidence.
        assertThat(sizing.component("forecast_error").amount()).isEqualTo(100);
        assertThat(sizing.method().errorRank()).isEqualTo(81);
        // The order (1000 cores) was late 10 times in 40, taken as the median of Beta(11, 30), 0.263: its 80% quantile
        // is 1000.
        assertThat(sizing.component("supply_variance").amount()).isEqualTo(1000);
        // The 50th error (the last 0) gets the median of Beta(50, 51), 0.495; the rest goes to 100. So
        // P(E + X <= 100) = 0.737 < 0.8 <= P(E + X <= 1000) = 0.737 + 0.263 * 0.495 = 0.867. The draws' late share
        // (+- 0.007) moves neither bound across 0.8.
        assertThat(sizing.component("statistical").amount()).isCloseTo(1000, within(1e-6));
        assertThat(sizing.method().supplyDraws()).isEqualTo(HeadroomRequest.DEFAULT_SUPPLY_DRAWS);
    }

    @Test
    void certainLossAddsToTheToleranceBound() {
        HeadroomSizing sizing = HeadroomSizer.size(request(0.9, oneTo(20))
                .confidence(0.8)
                .pool(new SupplyPool("old", 10, 8, 1.0))
                .build());
        // Rank 20 (P(Binomial(20, 0.9) <= 19) = 0.878 >= 0.8), not the plain 90% quantile 18; plus the certain 80.
        assertThat(sizing.method().errorRank()).isEqualTo(20);
        assertThat(sizing.component("statistical").amount()).isCloseTo(100, within(1e-6));
    }

    @Test
    void sameRequestGivesTheSameSizing() {
        HeadroomRequest request = request(0.95, oneTo(100))
                .pool(new SupplyPool("a", 200, 32, 0.03))
                .order(new OrderInFlight("b", 640, 20, EmpiricalDays.of(-2, 0, 1, 5, 12, 30)))
                .build();
        assertThat(HeadroomSizer.size(request)).isEqualTo(HeadroomSizer.size(request));
    }

    @Test
    void invariantsHoldOnRandomRequests() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int trial = 0; trial < 60; trial++) {
            List<Double> errors = new ArrayList<>();
            int n = 20 + random.nextInt(200);
            double spread = 1 + random.nextDouble() * 100;
            for (int i = 0; i < n; i++) {
                errors.add(spread * random.nextGaussian());
            }
            double p = 0.5 + 0.49 * random.nextDouble();
            double ceiling = 0.5 + 0.5 * random.nextDouble();
            double maintenance = 0.2 * random.nextDouble();
            List<FailureDomain> domains = new ArrayList<>();
            int domainCount = 2 + random.nextInt(5);
            for (int d = 0; d < domainCount; d++) {
                domains.add(new FailureDomain("d" + d, 1 + random.nextInt(10)));
            }
            int survive = random.nextInt(domainCount);
            HeadroomRequest.Builder builder = HeadroomRequest.builder("cores", p, 30)
                    .demand(1000 + random.nextDouble() * 1000, ForecastErrors.of("test", Form.ABSOLUTE, 30, errors))
                    .utilizationCeiling(ceiling)
                    .maintenanceFraction(maintenance)
                    .failureDomains(domains, survive)
                    .disasterRecovery(new DisasterRecoveryReserve(random.nextDouble() * 50, random.nextDouble() * 0.1))
                    .draws(500)
                    .seed(trial);
            double maximumLoss = 0;
            if (random.nextBoolean()) {
                int servers = random.nextInt(100);
                builder.pool(new SupplyPool("p", servers, 16, random.nextDouble() * 0.1));
                maximumLoss += servers * 16;
            }
            if (random.nextBoolean()) {
                builder.order(new OrderInFlight("o", 200, random.nextInt(30), EmpiricalDays.of(0, 3, 9, 27)));
                maximumLoss += 200;
            }
            HeadroomRequest request = builder.build();
            HeadroomSizing sizing = HeadroomSizer.size(request);

            double statistical = sizing.component("statistical").amount();
            double demandAlone = sizing.component("forecast_error").amount();
            // Bisection finds the joint quantile to a millionth of a core here.
            assertThat(statistical).isBetween(demandAlone - 1e-5, demandAlone + maximumLoss + 1e-5);
            double counted = sizing.components().stream()
                    .filter(HeadroomComponent::counted)
                    .mapToDouble(HeadroomComponent::amount)
                    .sum();
            assertThat(counted).isCloseTo(sizing.totalBuffer(), within(1e-6));
            double kept = 1 - HeadroomSizer.largestShares(domains, survive);
            double load = request.demandP50()
                    + statistical
                    + sizing.component("disaster_recovery").amount();
            assertThat(sizing.supplyNeeded() * ceiling * (1 - maintenance) * kept)
                    .isCloseTo(load, within(1e-6));
            // A higher service level never needs less.
            HeadroomSizing higher = HeadroomSizer.size(new HeadroomRequest(
                    request.unit(),
                    Math.min(0.999, p + 0.05),
                    request.confidence(),
                    request.leadTimeDays(),
                    request.demandP50(),
                    request.forecastErrors(),
                    request.pools(),
                    request.orders(),
                    request.failureDomains(),
                    request.domainsToSurvive(),
                    request.maintenanceFraction(),
                    request.utilizationCeiling(),
                    request.disasterRecovery(),
                    request.flatRuleFraction(),
                    request.supplyDraws(),
                    request.seed()));
            assertThat(higher.totalBuffer()).isGreaterThanOrEqualTo(sizing.totalBuffer() - 1e-5);
        }
    }

    @Test
    void rejectsBadInput() {
        ForecastErrors errors = oneTo(5);
        assertThatThrownBy(() -> HeadroomRequest.builder("cores", 1.0, 30)
                        .demand(1, errors)
                        .seed(1)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the service level must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> request(0.9, errors).utilizationCeiling(0).build())
                .hasMessage("the utilization ceiling must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> request(0.9, errors)
                        .failureDomains(List.of(new FailureDomain("a", 1), new FailureDomain("b", 1)), 2)
                        .build())
                .hasMessage("surviving the loss of 2 failure domains needs more than that many, got 2");
        assertThatThrownBy(() -> HeadroomRequest.builder("cores", 0.9, 30)
                        .demand(1, errors)
                        .build())
                .hasMessage("headroom sizing needs a seed for its supply draws");
        assertThatThrownBy(() -> ForecastErrors.of("t", Form.ABSOLUTE, 30, List.of(1.0, Double.NaN)))
                .hasMessage("forecast error 2 is NaN; every error must be finite");
        assertThatThrownBy(() -> ForecastErrors.of("t", Form.ABSOLUTE, 30, ImmutableList.of()))
                .hasMessage("headroom sizing needs at least one forecast error, got none");
        assertThatThrownBy(() -> new SupplyPool("x", 3, 8, 1.5))
                .hasMessage("failure probability of x must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new OrderInFlight("x", -5, 3, EmpiricalDays.of(0)))
                .hasMessage("capacity of the order of x must be positive, got -5.0");
        assertThatThrownBy(() -> request(0.9, errors).maintenanceFraction(1).build())
                .hasMessage("the maintenance fraction must be in [0, 1), got 1.0");
    }
}
