package io.fleetcast.simulator.internal.cost;

import static java.util.Objects.requireNonNull;

import io.fleetcast.simulator.internal.catalog.Family;
import io.fleetcast.simulator.internal.catalog.Provider;
import io.fleetcast.simulator.internal.catalog.Sku;
import io.fleetcast.simulator.internal.csv.CsvField;
import io.fleetcast.simulator.internal.topology.Site;

/**
 * The constant FOCUS columns of one kind of cost line, encoded once.
 *
 * @param category ChargeCategory
 * @param description ChargeDescription
 * @param frequency ChargeFrequency
 * @param unit ConsumedUnit and PricingUnit
 * @param pricingCategory PricingCategory
 * @param resourceType ResourceType
 * @param serviceCategory ServiceCategory
 * @param serviceName ServiceName
 * @param skuId SkuId
 * @param monthly whether the charge period is the whole billing month (reservation purchases)
 */
record LineKind(
        CsvField category,
        CsvField description,
        CsvField frequency,
        CsvField unit,
        CsvField pricingCategory,
        CsvField resourceType,
        CsvField serviceCategory,
        CsvField serviceName,
        CsvField skuId,
        boolean monthly) {
    LineKind {
        requireNonNull(category, "category is null");
        requireNonNull(description, "description is null");
        requireNonNull(frequency, "frequency is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(pricingCategory, "pricingCategory is null");
        requireNonNull(resourceType, "resourceType is null");
        requireNonNull(serviceCategory, "serviceCategory is null");
        requireNonNull(serviceName, "serviceName is null");
        requireNonNull(skuId, "skuId is null");
    }

    static LineKind depreciation(Sku sku, Family family) {
        return of(
                "Usage",
                "Depreciation of " + sku.name() + " servers",
                "Usage-Based",
                "Hours",
                "Standard",
                "Bare Metal Server",
                family == Family.STORAGE ? "Storage" : "Compute",
                "Datacenter Servers",
                sku.name(),
                false);
    }

    static LineKind power(Site site) {
        return of(
                "Usage",
                "Electricity incl. cooling (PUE " + site.powerUsageEffectiveness() + ")",
                "Usage-Based",
                "kWh",
                "Standard",
                "Power Allocation",
                "Other",
                "Datacenter Power",
                "power-" + site.name(),
                false);
    }

    static LineKind space(Site site) {
        return of(
                "Usage",
                "Rack space and facilities",
                "Usage-Based",
                "Server-Days",
                "Standard",
                "Rack Space Allocation",
                "Other",
                "Datacenter Space",
                "space-" + site.name(),
                false);
    }

    static LineKind reservedUsage(Sku sku) {
        return of(
                "Usage",
                sku.name() + " reserved instance hours",
                "Usage-Based",
                "Hours",
                "Committed",
                "Virtual Machine",
                "Compute",
                computeService(sku.provider()),
                sku.name(),
                false);
    }

    static LineKind onDemandUsage(Sku sku) {
        return of(
                "Usage",
                sku.name() + " on-demand instance hours",
                "Usage-Based",
                "Hours",
                "Standard",
                "Virtual Machine",
                "Compute",
                computeService(sku.provider()),
                sku.name(),
                false);
    }

    static LineKind reservationPurchase(Sku sku) {
        return of(
                "Purchase",
                sku.name() + " one-year reservation, monthly fee",
                "Recurring",
                "Hours",
                "Committed",
                "Reservation",
                "Compute",
                computeService(sku.provider()),
                sku.name(),
                true);
    }

    private static String computeService(Provider provider) {
        return switch (provider) {
            case AWS -> "Amazon Elastic Compute Cloud";
            case GOOGLE_CLOUD -> "Compute Engine";
            case ON_PREMISES -> "Datacenter Servers";
        };
    }

    private static LineKind of(
            String category,
            String description,
            String frequency,
            String unit,
            String pricingCategory,
            String resourceType,
            String serviceCategory,
            String serviceName,
            String skuId,
            boolean monthly) {
        return new LineKind(
                CsvField.of(category),
                CsvField.of(description),
                CsvField.of(frequency),
                CsvField.of(unit),
                CsvField.of(pricingCategory),
                CsvField.of(resourceType),
                CsvField.of(serviceCategory),
                CsvField.of(serviceName),
                CsvField.of(skuId),
                monthly);
    }
}
