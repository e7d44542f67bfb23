package io.fleetcast.planning.cost;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A cost no single team owns (a platform team's spend, idle capacity), split among teams by a rule.
 *
 * @param name what it is, for people ("platform", "idle capacity")
 * @param amount what it cost
 * @param rule how it is split
 * @param weights for {@link Rule#WEIGHTS}, each team's weight (the teams named share; others get nothing); for
 *     {@link Rule#USAGE}, each team's usage (e.g. core-hours); empty for the other rules
 */
public record SharedCost(String name, BigDecimal amount, Rule rule, ImmutableMap<String, BigDecimal> weights) {
    /** How a shared cost is split. */
    public enum Rule {
        /** In proportion to each team's direct spend. */
        PROPORTIONAL,
        /** In proportion to each team's usage, given as {@code weights}. */
        USAGE,
        /** Equally among the teams with direct spend. */
        EVEN,
        /** By fixed weights, given as {@code weights}. */
        WEIGHTS
    }

    public SharedCost {
        requireNonNull(name, "name is null");
        requireNonNull(amount, "amount is null");
        requireNonNull(rule, "rule is null");
        weights = ImmutableMap.copyOf(weights);
        weights.forEach((team, weight) -> {
            if (weight.signum() < 0) {
                throw new IllegalArgumentException(
                        "shared cost " + name + ": the weight of " + team + " is negative (" + weight + ")");
            }
        });
        if ((rule == Rule.USAGE || rule == Rule.WEIGHTS) && weights.isEmpty()) {
            throw new IllegalArgumentException("shared cost " + name + " is split by " + rule + " but has no weights");
        }
    }

    /** Split in proportion to each team's direct spend, evenly, or by another rule without weights. */
    public static SharedCost of(String name, BigDecimal amount, Rule rule) {
        return new SharedCost(name, amount, rule, ImmutableMap.of());
    }

    /** Split by {@code weights} (fixed weights or usage, as {@code rule} says). */
    public static SharedCost weighted(String name, BigDecimal amount, Rule rule, Map<String, BigDecimal> weights) {
        return new SharedCost(name, amount, rule, ImmutableMap.copyOf(weights));
    }
}
