package io.fleetcast.app.cost;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.planning.cost.SharedCost;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A team whose spend is shared among the other teams (a platform team), and how.
 *
 * @param team the team whose spend is shared
 * @param rule how it is split
 * @param weights each team's weight, for {@link SharedCost.Rule#WEIGHTS}; empty for the others ({@link
 *     SharedCost.Rule#USAGE} takes each team's measured use)
 */
public record SharedRule(String team, SharedCost.Rule rule, ImmutableMap<String, BigDecimal> weights) {
    public SharedRule {
        requireNonNull(team, "team is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(weights, "weights is null");
    }

    /**
     * Parses {@code TEAM=proportional}, {@code TEAM=usage}, {@code TEAM=even} or {@code TEAM=weights:A=2,B=1}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static SharedRule parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw refused(text, "it names no team");
        }
        String team = text.substring(0, equals).trim();
        String spec = text.substring(equals + 1).trim();
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.equals("proportional")) {
            return new SharedRule(team, SharedCost.Rule.PROPORTIONAL, ImmutableMap.of());
        }
        if (lower.equals("usage")) {
            return new SharedRule(team, SharedCost.Rule.USAGE, ImmutableMap.of());
        }
        if (lower.equals("even")) {
            return new SharedRule(team, SharedCost.Rule.EVEN, ImmutableMap.of());
        }
        if (lower.startsWith("weights:")) {
            Map<String, BigDecimal> weights = new LinkedHashMap<>();
            for (String part : Splitter.on(',').split(spec.substring("weights:".length()))) {
                int sign = part.indexOf('=');
                if (sign <= 0) {
                    throw refused(text, "weight '" + part + "' is not TEAM=NUMBER");
                }
                try {
                    BigDecimal weight = new BigDecimal(part.substring(sign + 1).trim());
                    if (weight.signum() < 0) {
                        throw refused(
                                text, "the weight of " + part.substring(0, sign).trim() + " is negative");
                    }
                    weights.put(part.substring(0, sign).trim(), weight);
                } catch (NumberFormatException e) {
                    throw refused(text, "weight '" + part + "' is not TEAM=NUMBER");
                }
            }
            return new SharedRule(team, SharedCost.Rule.WEIGHTS, ImmutableMap.copyOf(weights));
        }
        throw refused(text, "'" + spec + "' is not a rule");
    }

    private static IllegalArgumentException refused(String text, String problem) {
        return new IllegalArgumentException("shared cost '" + text + "': " + problem
                + "; use TEAM=proportional, TEAM=usage, TEAM=even or TEAM=weights:A=2,B=1");
    }
}
