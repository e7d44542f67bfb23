package io.fleetcast.planning.headroom;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;

/**
 * The headroom one cluster and resource needs: every component with its amount and how it composes, the total buffer
 * over P50 demand, the supply that implies, and the comparison with a flat rule. Amounts are in {@code unit}.
 *
 * @param unit the resource's unit
 * @param serviceLevel the target p
 * @param leadTimeDays the lead time L, in days
 * @param demandP50 P50 demand L days ahead
 * @param components every component in the order they compose (see {@link HeadroomSizer})
 * @param totalBuffer the sum of the counted components: {@code supplyNeeded − demandP50}
 * @param supplyNeeded the capacity the cluster must have (installed and promised within L, before maintenance,
 *     failure-domain and ceiling reductions) so that P50 demand is served at the service level
 * @param flatRule the buffer against the flat rule
 * @param method how the statistical part was computed
 * @param notes caveats about the inputs (too few errors for the level, errors at another horizon, ...); empty when none
 */
public record HeadroomSizing(
        String unit,
        double serviceLevel,
        int leadTimeDays,
        double demandP50,
        ImmutableList<HeadroomComponent> components,
        double totalBuffer,
        double supplyNeeded,
        FlatRuleComparison flatRule,
        Method method,
        ImmutableList<String> notes) {
    /**
     * How the statistical quantiles were taken.
     *
     * @param errorMethod the forecasting method whose backtest errors were used
     * @param errorForm {@code ABSOLUTE} or {@code RELATIVE}
     * @param errorCount how many errors
     * @param errorHorizonDays days ahead they were measured
     * @param confidence γ, how sure the buffer is to reach the service level
     * @param errorRank r: the forecast-error amount is the r-th smallest error, which reaches the p-quantile with
     *     confidence γ
     * @param supplyDraws Monte Carlo draws of the supply loss (0 when there is no supply risk)
     * @param seed their seed
     */
    public record Method(
            String errorMethod,
            String errorForm,
            int errorCount,
            int errorHorizonDays,
            double confidence,
            int errorRank,
            int supplyDraws,
            long seed) {
        public Method {
            requireNonNull(errorMethod, "errorMethod is null");
            requireNonNull(errorForm, "errorForm is null");
        }
    }

    public HeadroomSizing {
        requireNonNull(unit, "unit is null");
        components = ImmutableList.copyOf(components);
        requireNonNull(flatRule, "flatRule is null");
        requireNonNull(method, "method is null");
        notes = ImmutableList.copyOf(notes);
    }

    /** The component called {@code name}. */
    public HeadroomComponent component(String name) {
        return components.stream()
                .filter(component -> component.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no headroom component called " + name));
    }
}
