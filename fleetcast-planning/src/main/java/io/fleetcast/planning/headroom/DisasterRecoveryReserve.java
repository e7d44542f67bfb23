package io.fleetcast.planning.headroom;

/**
 * Capacity held to absorb another site's or region's demand when it fails over: a fixed amount in the resource's unit
 * or a fraction of the P50 demand.
 *
 * @param amount the fixed reserve, in the unit, at least 0
 * @param fractionOfDemand the reserve as a fraction of P50 demand, at least 0
 */
public record DisasterRecoveryReserve(double amount, double fractionOfDemand) {
    /** No reserve. */
    public static final DisasterRecoveryReserve NONE = new DisasterRecoveryReserve(0, 0);

    public DisasterRecoveryReserve {
        if (!(amount >= 0 && Double.isFinite(amount))) {
            throw new IllegalArgumentException("the disaster-recovery amount must be at least 0, got " + amount);
        }
        if (!(fractionOfDemand >= 0 && Double.isFinite(fractionOfDemand))) {
            throw new IllegalArgumentException(
                    "the disaster-recovery fraction of demand must be at least 0, got " + fractionOfDemand);
        }
    }

    /** A fixed reserve of {@code amount} in the unit. */
    public static DisasterRecoveryReserve absolute(double amount) {
        return new DisasterRecoveryReserve(amount, 0);
    }

    /** A reserve of {@code fraction} of the P50 demand. */
    public static DisasterRecoveryReserve fractionOfDemand(double fraction) {
        return new DisasterRecoveryReserve(0, fraction);
    }

    /** The reserve for {@code demandP50}, in the unit. */
    double reserve(double demandP50) {
        return amount + fractionOfDemand * demandP50;
    }
}
