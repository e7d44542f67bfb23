package io.fleetcast.planning.headroom;

import static java.util.Objects.requireNonNull;

/**
 * The sized buffer against a flat-percentage rule.
 *
 * @param fraction the rule: a buffer of this fraction of P50 demand
 * @param buffer the rule's buffer, in the unit
 * @param difference the sized buffer minus the rule's, in the unit: positive when the sized buffer is larger
 * @param larger {@code "sized"}, {@code "flat"} or {@code "equal"}
 */
public record FlatRuleComparison(double fraction, double buffer, double difference, String larger) {
    public FlatRuleComparison {
        requireNonNull(larger, "larger is null");
    }

    static FlatRuleComparison of(double fraction, double demandP50, double sizedBuffer) {
        double buffer = fraction * demandP50;
        double difference = sizedBuffer - buffer;
        String larger = difference > 0 ? "sized" : difference < 0 ? "flat" : "equal";
        return new FlatRuleComparison(fraction, buffer, difference, larger);
    }
}
