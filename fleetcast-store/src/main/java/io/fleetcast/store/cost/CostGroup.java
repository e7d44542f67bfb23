package io.fleetcast.store.cost;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The cost lines of one charge day that share an owner, region, SKU, provider service, charge category and currency.
 *
 * <p>A line's team is the first team tag present; else the team that owns the service its service tag names; else, when
 * it has neither tag, the team that owns the service named by its ResourceName; else it has none ({@link
 * OwnerRoute#NONE}). Its service is the service tag, else the ResourceName service.
 *
 * @param day the charge day (the day ChargePeriodStart falls on, UTC)
 * @param team the owning team; null for untagged spend
 * @param service the service; null when neither a tag nor the ownership mapping names one
 * @param route how the team was found
 * @param region RegionId, else RegionName; null when the lines have neither
 * @param sku SkuId; may be null
 * @param providerService the provider's ServiceName (e.g. {@code Amazon Elastic Compute Cloud}); may be null
 * @param chargeCategory ChargeCategory ({@code Usage}, {@code Purchase}, {@code Tax}, {@code Credit}, {@code
 *     Adjustment})
 * @param currency BillingCurrency; may be null
 * @param billed the sum of BilledCost
 * @param effective the sum of EffectiveCost (BilledCost where a line has none)
 * @param list the sum of ListCost (BilledCost where a line has none)
 * @param contracted the sum of ContractedCost (BilledCost where a line has none)
 * @param lines how many lines were summed
 */
public record CostGroup(
        LocalDate day,
        @Nullable String team,
        @Nullable String service,
        OwnerRoute route,
        @Nullable String region,
        @Nullable String sku,
        @Nullable String providerService,
        String chargeCategory,
        @Nullable String currency,
        BigDecimal billed,
        BigDecimal effective,
        BigDecimal list,
        BigDecimal contracted,
        long lines) {
    public CostGroup {
        requireNonNull(day, "day is null");
        requireNonNull(route, "route is null");
        requireNonNull(chargeCategory, "chargeCategory is null");
        requireNonNull(billed, "billed is null");
        requireNonNull(effective, "effective is null");
        requireNonNull(list, "list is null");
        requireNonNull(contracted, "contracted is null");
    }
}
