package io.fleetcast.planning.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.planning.cost.SharedCost.Rule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AttributionTest {
    private static final List<Rule> RULES = List.of(Rule.PROPORTIONAL, Rule.USAGE, Rule.EVEN, Rule.WEIGHTS);

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    /**
     * Worked by hand. Direct: A 600, B 300, C 100; untagged 50.25. Platform 200 in proportion to direct spend: A 120,
     * B 60, C 20. Idle capacity 90 evenly: 30 each. Network 100 by weights A 1, B 3: A 25, B 75. Totals A 775, B 465,
     * C 150, untagged 50.25: 1,440.25, the billed total.
     */
    @Test
    void eachRuleSplitsItsSharedCostAsWorkedByHand() {
        Attribution attribution = handCase();

        assertThat(attribution.rows())
                .extracting(Attribution.Row::team, Attribution.Row::total)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Attribution.UNTAGGED, usd("50.25")),
                        org.assertj.core.groups.Tuple.tuple("A", usd("775.00")),
                        org.assertj.core.groups.Tuple.tuple("B", usd("465.00")),
                        org.assertj.core.groups.Tuple.tuple("C", usd("150.00")));
        assertThat(attribution.billed()).isEqualByComparingTo("1440.25");
        assertThat(attribution.attributed()).isEqualTo(usd("1440.25"));
        Attribution.Row a = attribution.rows(Set.of("A")).get(0);
        assertThat(a.shares().get("platform")).isEqualByComparingTo("120");
        assertThat(a.shares().get("idle capacity")).isEqualByComparingTo("30");
        assertThat(a.shares().get("network")).isEqualByComparingTo("25");
        assertThat(a.explanation())
                .containsExactly(
                        "direct spend 600.00 USD",
                        "platform: 60.00% of 200.00 USD by direct spend = 120.00 USD",
                        "idle capacity: 33.33% of 90.00 USD by an even split = 30.00 USD",
                        "network: 25.00% of 100.00 USD by fixed weights = 25.00 USD");
        assertThat(attribution.rows(Set.of(Attribution.UNTAGGED)).get(0).explanation())
                .containsExactly("spend with no team: 50.25 USD");
    }

    /**
     * OpenCost's idle over-counting: a view filtered to some teams must not re-split shared costs among them. Team A
     * alone still carries a third of the idle capacity (30 of 90), not all of it.
     */
    @Test
    void aFilteredViewKeepsEachTeamsShareOfTheWhole() {
        Attribution attribution = handCase();

        List<Attribution.Row> onlyA = attribution.rows(Set.of("A"));
        assertThat(onlyA).hasSize(1);
        assertThat(onlyA.get(0)).isEqualTo(attribution.rows().get(1));
        assertThat(onlyA.get(0).shares().get("idle capacity")).isEqualByComparingTo("30");
        assertThat(onlyA.get(0).total()).isEqualTo(usd("775.00"));
    }

    /** Three teams share 100.00 evenly: 33.333... each; the odd cent goes to the largest remainder, then by name. */
    @Test
    void thirdsAreRoundedSoTheCentsAddUpToTheBill() {
        Attribution attribution = Attribution.of(
                Map.of("A", usd("1"), "B", usd("1"), "C", usd("1")),
                BigDecimal.ZERO,
                List.of(SharedCost.of("platform", usd("100.00"), Rule.EVEN)),
                "USD");

        assertThat(attribution.rows())
                .extracting(Attribution.Row::total)
                .containsExactly(usd("34.34"), usd("34.33"), usd("34.33"));
        assertThat(attribution.attributed()).isEqualTo(usd("103.00"));
    }

    /** Random bills with sub-cent amounts and every rule: the rows add up to the bill to the cent, each within a cent. */
    @Test
    void attributedTotalsEqualBilledTotalsToTheCent() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int trial = 0; trial < 300; trial++) {
            Map<String, BigDecimal> direct = new TreeMap<>();
            int teams = 1 + random.nextInt(9);
            for (int t = 0; t < teams; t++) {
                direct.put("team-" + t, amount(random));
            }
            List<SharedCost> shared = new ArrayList<>();
            for (int s = random.nextInt(4); s > 0; s--) {
                Rule rule = RULES.get(random.nextInt(RULES.size()));
                Map<String, BigDecimal> weights = new TreeMap<>();
                if (rule == Rule.USAGE || rule == Rule.WEIGHTS) {
                    direct.keySet().forEach(team -> weights.put(team, amount(random)));
                }
                shared.add(SharedCost.weighted("shared-" + s, amount(random), rule, weights));
            }
            BigDecimal untagged = random.nextBoolean() ? amount(random) : BigDecimal.ZERO;

            Attribution attribution = Attribution.of(direct, untagged, shared, "USD");

            assertThat(attribution.attributed())
                    .as("trial %d", trial)
                    .isEqualTo(attribution.billed().setScale(2, RoundingMode.HALF_EVEN));
            for (Attribution.Row row : attribution.rows()) {
                BigDecimal exact =
                        row.direct().add(row.shares().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
                assertThat(row.total().subtract(exact).abs())
                        .as("trial %d, %s", trial, row.team())
                        .isLessThan(usd("0.01"));
            }
        }
    }

    @Test
    void aSharedCostWithNoTeamToGoToOrABadWeightIsRefused() {
        assertThatThrownBy(() -> Attribution.of(
                        Map.of(), usd("5"), List.of(SharedCost.of("idle capacity", usd("10"), Rule.EVEN)), "USD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idle capacity (10.00 USD) has no team to go to");
        assertThatThrownBy(() -> SharedCost.weighted("network", usd("10"), Rule.WEIGHTS, Map.of("A", usd("-1"))))
                .hasMessageContaining("the weight of A is negative");
        assertThatThrownBy(() -> SharedCost.of("network", usd("10"), Rule.WEIGHTS))
                .hasMessageContaining("has no weights");
    }

    private static Attribution handCase() {
        return Attribution.of(
                Map.of("A", usd("600"), "B", usd("300"), "C", usd("100")),
                usd("50.25"),
                List.of(
                        SharedCost.of("platform", usd("200"), Rule.PROPORTIONAL),
                        SharedCost.of("idle capacity", usd("90"), Rule.EVEN),
                        SharedCost.weighted("network", usd("100"), Rule.WEIGHTS, Map.of("A", usd("1"), "B", usd("3")))),
                "USD");
    }

    @Test
    void explanationsNameTheBillsCurrency() {
        Attribution attribution = Attribution.of(
                Map.of("A", usd("30"), "B", usd("10")),
                BigDecimal.ZERO,
                List.of(SharedCost.weighted(
                        "idle capacity", usd("8"), Rule.USAGE, Map.of("A", usd("1"), "B", usd("3")))),
                "EUR");
        assertThat(attribution.rows().get(1).explanation())
                .containsExactly("direct spend 10.00 EUR", "idle capacity: 75.00% of 8.00 EUR by usage = 6.00 EUR");
    }

    /** A positive amount with up to six decimals, as billing exports carry. */
    private static BigDecimal amount(SplittableRandom random) {
        return BigDecimal.valueOf(random.nextLong(1, 5_000_000_000L), 6);
    }
}
