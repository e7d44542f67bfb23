package io.fleetcast.core.dataset;

import static io.fleetcast.core.dataset.ColumnType.DATE;
import static io.fleetcast.core.dataset.ColumnType.DECIMAL;
import static io.fleetcast.core.dataset.ColumnType.INTEGER;
import static io.fleetcast.core.dataset.ColumnType.JSON;
import static io.fleetcast.core.dataset.ColumnType.NUMBER;
import static io.fleetcast.core.dataset.ColumnType.TEXT;
import static io.fleetcast.core.dataset.ColumnType.TIMESTAMP;

import com.google.common.collect.ImmutableList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The definitions of every data set's file format. Documented for users in {@code docs/data-formats.md}. */
final class DataSets {
    private static final String CURRENCY = "[A-Z]{3}";
    private static final String CURRENCY_WHAT = "a three-letter ISO 4217 currency code such as USD";
    private static final String RESOURCES_CPU_MEMORY_STORAGE = "cpu, memory or storage";

    private static final Map<Kind, Schema> SCHEMAS = build();

    private DataSets() {}

    static Schema schema(Kind kind) {
        Schema schema = SCHEMAS.get(kind);
        if (schema == null) {
            throw new IllegalStateException("no schema for " + kind);
        }
        return schema;
    }

    private static Map<Kind, Schema> build() {
        Map<Kind, Schema> schemas = new EnumMap<>(Kind.class);
        for (Schema schema : List.of(
                skus(),
                assets(),
                services(),
                orders(),
                events(),
                drivers(),
                adjustments(),
                usage(),
                costs(),
                budgets(),
                telemetry(),
                requests())) {
            schemas.put(schema.kind(), schema);
        }
        for (Kind kind : Kind.values()) {
            if (!schemas.containsKey(kind)) {
                throw new IllegalStateException("no schema defined for " + kind);
            }
        }
        return schemas;
    }

    private static Schema skus() {
        return new Schema(
                Kind.SKUS,
                "Hardware models and cloud instance types, with their capacity and price.",
                List.of(
                        Column.of("sku", TEXT, "SKU name, unique").required(),
                        Column.choice("kind", "owned hardware or a cloud instance type", "owned", "cloud")
                                .required(),
                        Column.of("description", TEXT, "what it is, for people"),
                        Column.of("cores", INTEGER, "CPU cores per unit")
                                .required()
                                .atLeast(1)
                                .inUnit("cores"),
                        Column.of("memory_gib", NUMBER, "memory per unit")
                                .required()
                                .greaterThan(0)
                                .inUnit("GiB"),
                        Column.of("storage_tb", NUMBER, "storage per unit")
                                .required()
                                .atLeast(0)
                                .inUnit("TB"),
                        Column.of("price_usd", DECIMAL, "purchase price per unit (owned)")
                                .atLeast(0)
                                .inUnit("USD"),
                        Column.of("hourly_usd", DECIMAL, "on-demand price per hour (cloud)")
                                .atLeast(0)
                                .inUnit("USD/h"),
                        Column.of("reserved_hourly_usd", DECIMAL, "reserved/committed price per hour (cloud)")
                                .atLeast(0)
                                .inUnit("USD/h"),
                        Column.of("power_watts", NUMBER, "typical power draw per unit (owned)")
                                .atLeast(0)
                                .inUnit("W"),
                        Column.of("depreciation_months", INTEGER, "months over which the price is depreciated")
                                .atLeast(1)
                                .inUnit("months"),
                        Column.of("lifetime_months", INTEGER, "planned age at retirement")
                                .atLeast(1)
                                .inUnit("months")),
                List.of("sku"),
                KeyScope.ROW,
                List.of(
                        new Rule.RequiredWhen("price_usd", "kind", List.of("owned")),
                        new Rule.RequiredWhen("power_watts", "kind", List.of("owned")),
                        new Rule.RequiredWhen("depreciation_months", "kind", List.of("owned")),
                        new Rule.RequiredWhen("hourly_usd", "kind", List.of("cloud"))));
    }

    private static Schema assets() {
        return new Schema(
                Kind.ASSETS,
                "Every server or instance, where it sits in region → site → cluster, and its life: installed, failed"
                        + " or retired.",
                List.of(
                        Column.of("asset_id", TEXT, "asset identifier, unique").required(),
                        Column.of("sku", TEXT, "the asset's SKU").required().references(Kind.SKUS, "sku"),
                        Column.of("region", TEXT, "region").required(),
                        Column.of("site", TEXT, "datacenter or cloud region; belongs to one region")
                                .required(),
                        Column.choice("site_kind", "kind of site", "datacenter", "cloud")
                                .required(),
                        Column.of("cluster", TEXT, "cluster; belongs to one site")
                                .required(),
                        Column.of("rack", TEXT, "rack or placement group"),
                        Column.of("batch", TEXT, "procurement batch or vintage"),
                        Column.choice("ownership", "how the capacity is held", "owned", "reserved", "on_demand")
                                .required(),
                        Column.of("install_date", DATE, "date it entered service")
                                .required(),
                        Column.of("failure_date", DATE, "date it failed and left service"),
                        Column.of(
                                "retire_date",
                                DATE,
                                "date it was retired or decommissioned; one after the last day of usage or telemetry is a"
                                        + " planned retirement")),
                List.of("asset_id"),
                KeyScope.ROW,
                List.of(
                        new Rule.NotBefore("failure_date", "install_date"),
                        new Rule.NotBefore("retire_date", "install_date"),
                        new Rule.AtMostOneOf("failure_date", "retire_date"),
                        new Rule.Consistent("region", "site"),
                        new Rule.Consistent("site_kind", "site"),
                        new Rule.Consistent("site", "cluster")));
    }

    private static Schema services() {
        return new Schema(
                Kind.SERVICES,
                "The ownership mapping: which team and org own each service.",
                List.of(
                        Column.of("service", TEXT, "service name, unique").required(),
                        Column.of("team", TEXT, "owning team").required(),
                        Column.of("org", TEXT, "organisation the team belongs to")
                                .required(),
                        Column.of("tier", TEXT, "service tier, e.g. critical, standard, batch")),
                List.of("service"),
                KeyScope.ROW,
                List.of());
    }

    private static Schema orders() {
        return new Schema(
                Kind.ORDERS,
                "Supply orders: what was ordered for which site, when it was promised and when it arrived.",
                List.of(
                        Column.of("order_id", TEXT, "order identifier, unique").required(),
                        Column.of("sku", TEXT, "ordered SKU").required().references(Kind.SKUS, "sku"),
                        Column.of("site", TEXT, "destination site").required(),
                        Column.of("cluster", TEXT, "destination cluster, if decided"),
                        Column.of("quantity", INTEGER, "units ordered")
                                .required()
                                .atLeast(1)
                                .inUnit("units"),
                        Column.of("ordered_date", DATE, "date the order was placed")
                                .required(),
                        Column.of("promised_date", DATE, "delivery date promised by the vendor")
                                .required(),
                        Column.of("delivered_date", DATE, "date it was delivered and usable"),
                        Column.choice("status", "order status", "open", "delivered", "cancelled")
                                .required()),
                List.of("order_id"),
                KeyScope.ROW,
                List.of(
                        new Rule.NotBefore("promised_date", "ordered_date"),
                        new Rule.NotBefore("delivered_date", "ordered_date"),
                        new Rule.RequiredWhen("delivered_date", "status", List.of("delivered")),
                        new Rule.AbsentWhen("delivered_date", "status", List.of("open", "cancelled"))));
    }

    private static Schema events() {
        return new Schema(
                Kind.EVENTS,
                "Special events: holidays and one-off events, each with a scope (global, a region or a service).",
                List.of(
                        Column.of("name", TEXT, "event name; a recurring event keeps its name")
                                .required(),
                        Column.choice("kind", "holiday or one-off event", "holiday", "one_off")
                                .required(),
                        Column.of("start_date", DATE, "first day").required(),
                        Column.of("end_date", DATE, "last day (inclusive)").required(),
                        Column.choice("scope", "what the event affects", "global", "region", "service")
                                .required(),
                        Column.of("scope_value", TEXT, "the region or service, when scoped")),
                List.of("name", "start_date", "scope", "scope_value"),
                KeyScope.ROW,
                List.of(
                        new Rule.NotBefore("end_date", "start_date"),
                        new Rule.RequiredWhen("scope_value", "scope", List.of("region", "service")),
                        new Rule.AbsentWhen("scope_value", "scope", List.of("global")),
                        new Rule.ReferenceWhen(
                                "scope_value", "scope", "service", new Reference(Kind.SERVICES, "service")),
                        new Rule.ReferenceWhen(
                                "scope_value", "scope", "region", new Reference(Kind.ASSETS, "region"))));
    }

    private static Schema drivers() {
        return new Schema(
                Kind.DRIVERS,
                "Traffic drivers (daily active users, requests) per day, fleet-wide or per service.",
                List.of(
                        Column.of("date", DATE, "day").required(),
                        Column.of("driver", TEXT, "driver name, e.g. daily_active_users, requests")
                                .required(),
                        Column.of("service", TEXT, "service it applies to; empty for fleet-wide")
                                .references(Kind.SERVICES, "service"),
                        Column.of("value", NUMBER, "the driver's value that day")
                                .required()
                                .atLeast(0),
                        Column.of("unit", TEXT, "what is counted, e.g. users, requests")
                                .required()),
                List.of("driver", "service", "date"),
                KeyScope.ROW,
                List.of());
    }

    private static Schema adjustments() {
        return new Schema(
                Kind.ADJUSTMENTS,
                "Manual input on top of the statistical forecast: add, multiply or override over a date range, or a"
                        + " step change from a date (a planned launch). Always shown separately.",
                List.of(
                        Column.of("adjustment_id", TEXT, "identifier, unique").required(),
                        Column.of("service", TEXT, "adjusted service")
                                .required()
                                .references(Kind.SERVICES, "service"),
                        Column.of("cluster", TEXT, "adjusted cluster; empty for all of the service's clusters")
                                .references(Kind.ASSETS, "cluster"),
                        Column.choice("resource", RESOURCES_CPU_MEMORY_STORAGE, "cpu", "memory", "storage")
                                .required(),
                        Column.choice("kind", "how it applies", "add", "multiply", "override", "step")
                                .required(),
                        Column.of("value", NUMBER, "quantity (add, override, step) or factor (multiply)")
                                .required(),
                        Column.of("unit", TEXT, "unit of value for add, override and step"),
                        Column.of("start_date", DATE, "first day it applies").required(),
                        Column.of("end_date", DATE, "last day it applies (inclusive); none for a step"),
                        Column.of("author", TEXT, "who entered it").required(),
                        Column.of("reason", TEXT, "why").required(),
                        Column.of("created_at", TIMESTAMP, "when it was entered")
                                .required()),
                List.of("adjustment_id"),
                KeyScope.ROW,
                List.of(
                        new Rule.NotBefore("end_date", "start_date"),
                        new Rule.RequiredWhen("unit", "kind", List.of("add", "override", "step")),
                        new Rule.AbsentWhen("unit", "kind", List.of("multiply")),
                        new Rule.AbsentWhen("end_date", "kind", List.of("step")),
                        new Rule.PositiveWhen("value", "kind", List.of("multiply")),
                        new Rule.UnitOf("unit", "resource", List.of("value"))));
    }

    private static Schema usage() {
        return new Schema(
                Kind.USAGE,
                "Demand series: used and allocated capacity per service, cluster and resource, hourly or daily.",
                List.of(
                        Column.of("ts", TIMESTAMP, "start of the hour or day (UTC)")
                                .required(),
                        Column.choice("grain", "hour or day", "hour", "day").required(),
                        Column.of("service", TEXT, "service").required().references(Kind.SERVICES, "service"),
                        Column.of("cluster", TEXT, "cluster").required().references(Kind.ASSETS, "cluster"),
                        Column.choice("resource", RESOURCES_CPU_MEMORY_STORAGE, "cpu", "memory", "storage")
                                .required(),
                        Column.of("unit", TEXT, "unit of used and allocated; stored converted to cores, GiB or TB")
                                .required(),
                        Column.of("used", NUMBER, "average used in the period")
                                .required()
                                .atLeast(0),
                        Column.of("allocated", NUMBER, "allocated (reserved for the service) in the period")
                                .atLeast(0)),
                List.of("service", "cluster", "resource", "grain", "ts"),
                KeyScope.ROW,
                List.of(
                        new Rule.AlignedToGrain("ts", "grain"),
                        new Rule.UnitOf("unit", "resource", List.of("used", "allocated"))));
    }

    private static Schema costs() {
        return new Schema(
                Kind.COSTS,
                "Cost lines in the FinOps FOCUS format (cloud billing exports, and on-prem costs in the same shape)."
                        + " Amounts are kept exactly. A newer file replaces the stored lines of each billing account's"
                        + " billing period it contains.",
                focusColumns(),
                List.of("ProviderName", "BillingAccountId", "BillingPeriodStart"),
                KeyScope.PARTITION,
                List.of(
                        new Rule.NotBefore("BillingPeriodEnd", "BillingPeriodStart"),
                        new Rule.NotBefore("ChargePeriodEnd", "ChargePeriodStart")));
    }

    /** FOCUS 1.0–1.2 columns (FinOps Open Cost and Usage Specification), by their specification names. */
    private static List<Column> focusColumns() {
        ImmutableList.Builder<Column> columns = ImmutableList.builder();
        columns.add(
                Column.of("BilledCost", DECIMAL, "amount invoiced, in the billing currency")
                        .required()
                        .inUnit("billing currency"),
                Column.of("EffectiveCost", DECIMAL, "amortised cost after discounts")
                        .inUnit("billing currency"),
                Column.of("ListCost", DECIMAL, "cost at list prices").inUnit("billing currency"),
                Column.of("ContractedCost", DECIMAL, "cost at contracted prices")
                        .inUnit("billing currency"),
                Column.of("BillingCurrency", TEXT, "currency of the billed amounts")
                        .matching(CURRENCY, CURRENCY_WHAT),
                Column.of("BillingAccountId", TEXT, "billing account"),
                Column.of("BillingAccountName", TEXT, "billing account name"),
                Column.of("BillingAccountType", TEXT, "billing account type"),
                Column.of("BillingPeriodStart", TIMESTAMP, "start of the billing period (inclusive)")
                        .required(),
                Column.of("BillingPeriodEnd", TIMESTAMP, "end of the billing period (exclusive)")
                        .required(),
                Column.of("ChargePeriodStart", TIMESTAMP, "start of the charge period (inclusive)")
                        .required(),
                Column.of("ChargePeriodEnd", TIMESTAMP, "end of the charge period (exclusive)")
                        .required(),
                Column.choice("ChargeCategory", "kind of charge", "Usage", "Purchase", "Tax", "Credit", "Adjustment")
                        .required(),
                Column.choice("ChargeClass", "marks corrections of earlier periods", "Correction"),
                Column.of("ChargeDescription", TEXT, "what the charge is for"),
                Column.choice("ChargeFrequency", "how often it recurs", "One-Time", "Recurring", "Usage-Based"),
                Column.of("ConsumedQuantity", DECIMAL, "quantity consumed").inUnit("ConsumedUnit"),
                Column.of("ConsumedUnit", TEXT, "unit of ConsumedQuantity"),
                Column.of("ContractedUnitPrice", DECIMAL, "contracted price per pricing unit"),
                Column.of("ListUnitPrice", DECIMAL, "list price per pricing unit"),
                Column.of("PricingQuantity", DECIMAL, "quantity priced").inUnit("PricingUnit"),
                Column.of("PricingUnit", TEXT, "unit of PricingQuantity"),
                Column.choice("PricingCategory", "pricing model", "Standard", "Dynamic", "Committed", "Other"),
                Column.of("PricingCurrency", TEXT, "currency prices are quoted in"),
                Column.of("PricingCurrencyContractedUnitPrice", DECIMAL, "contracted unit price, pricing currency"),
                Column.of("PricingCurrencyEffectiveCost", DECIMAL, "effective cost, pricing currency"),
                Column.of("PricingCurrencyListUnitPrice", DECIMAL, "list unit price, pricing currency"),
                Column.choice("CommitmentDiscountCategory", "kind of commitment discount", "Spend", "Usage"),
                Column.of("CommitmentDiscountId", TEXT, "commitment discount identifier"),
                Column.of("CommitmentDiscountName", TEXT, "commitment discount name"),
                Column.of("CommitmentDiscountQuantity", DECIMAL, "commitment quantity used or unused"),
                Column.choice("CommitmentDiscountStatus", "whether the commitment was used", "Used", "Unused"),
                Column.of("CommitmentDiscountType", TEXT, "provider's commitment type"),
                Column.of("CommitmentDiscountUnit", TEXT, "unit of CommitmentDiscountQuantity"),
                Column.of("CapacityReservationId", TEXT, "capacity reservation identifier"),
                Column.of("CapacityReservationStatus", TEXT, "capacity reservation status"),
                Column.of("InvoiceId", TEXT, "invoice identifier"),
                Column.of("InvoiceIssuerName", TEXT, "who issued the invoice"),
                Column.of("ProviderName", TEXT, "provider of the resource or service"),
                Column.of("PublisherName", TEXT, "publisher of the resource or service"),
                Column.of("ServiceProviderName", TEXT, "service provider (FOCUS 1.2)"),
                Column.of("HostProviderName", TEXT, "host provider (FOCUS 1.2)"),
                Column.of("RegionId", TEXT, "provider region id"),
                Column.of("RegionName", TEXT, "provider region name"),
                Column.of("AvailabilityZone", TEXT, "availability zone"),
                Column.of("ResourceId", TEXT, "resource identifier"),
                Column.of("ResourceName", TEXT, "resource name"),
                Column.of("ResourceType", TEXT, "resource type"),
                Column.of("ServiceCategory", TEXT, "FOCUS service category, e.g. Compute"),
                Column.of("ServiceSubcategory", TEXT, "FOCUS service subcategory"),
                Column.of("ServiceName", TEXT, "provider's service name"),
                Column.of("SkuId", TEXT, "provider SKU"),
                Column.of("SkuMeter", TEXT, "what the SKU meters"),
                Column.of("SkuPriceDetails", JSON, "SKU price properties"),
                Column.of("SkuPriceId", TEXT, "provider SKU price"),
                Column.of("SubAccountId", TEXT, "sub-account (project, subscription)"),
                Column.of("SubAccountName", TEXT, "sub-account name"),
                Column.of("SubAccountType", TEXT, "sub-account type"),
                Column.of("Tags", JSON, "tags as a JSON object, e.g. {\"team\": \"search\"}"));
        return columns.build();
    }

    private static Schema budgets() {
        return new Schema(
                Kind.BUDGETS,
                "Budgets per team per period.",
                List.of(
                        Column.of("team", TEXT, "team").required().references(Kind.SERVICES, "team"),
                        Column.of("period", TEXT, "2026-Q3, 2026-H1, 2026-07 or 2026")
                                .required()
                                .matching(
                                        "\\d{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?",
                                        "a year (2026), half (2026-H1), quarter (2026-Q3) or month (2026-07)"),
                        Column.of("amount", DECIMAL, "budgeted spend")
                                .required()
                                .atLeast(0),
                        Column.of("currency", TEXT, "currency of amount")
                                .required()
                                .matching(CURRENCY, CURRENCY_WHAT)),
                List.of("team", "period"),
                KeyScope.ROW,
                List.of());
    }

    private static Schema telemetry() {
        return new Schema(
                Kind.TELEMETRY,
                "Per-asset health signals over time (temperatures, error counters, SMART attributes).",
                List.of(
                        Column.of("asset_id", TEXT, "asset").required().references(Kind.ASSETS, "asset_id"),
                        Column.of("ts", TIMESTAMP, "time of the reading (UTC)").required(),
                        Column.of("signal", TEXT, "signal name, e.g. temp_c, corrected_errors")
                                .required(),
                        Column.of("value", NUMBER, "reading").required(),
                        Column.of("unit", TEXT, "unit of the reading, e.g. C, count")),
                List.of("asset_id", "signal", "ts"),
                KeyScope.ROW,
                List.of());
    }

    private static Schema requests() {
        return new Schema(
                Kind.REQUESTS,
                "Requests for capacity: which team wants how much of a resource in a cluster, by when, at which"
                        + " priority and why. When supply is short they are served by priority (P0 first), then by a"
                        + " weighted max-min fair share within a priority (docs/capacity-allocation.md).",
                List.of(
                        Column.of("request_id", TEXT, "identifier, unique").required(),
                        Column.of("team", TEXT, "requesting team").required().references(Kind.SERVICES, "team"),
                        Column.of("service", TEXT, "the service it is for, if one")
                                .references(Kind.SERVICES, "service"),
                        Column.of("cluster", TEXT, "cluster the capacity is wanted in")
                                .required()
                                .references(Kind.ASSETS, "cluster"),
                        Column.choice("resource", RESOURCES_CPU_MEMORY_STORAGE, "cpu", "memory", "storage")
                                .required(),
                        Column.of("quantity", NUMBER, "how much; stored in cores, GiB or TB")
                                .required()
                                .atLeast(0),
                        Column.of("unit", TEXT, "unit of quantity; the resource's unit (cores, GiB, TB) when empty"),
                        Column.of("needed_date", DATE, "the day it is needed by")
                                .required(),
                        Column.choice("priority", "P0 is served first, P3 last", "P0", "P1", "P2", "P3")
                                .required(),
                        Column.of("weight", NUMBER, "share within its priority relative to the others'; 1 when empty")
                                .greaterThan(0),
                        Column.of("justification", TEXT, "why it is needed").required()),
                List.of("request_id"),
                KeyScope.ROW,
                List.of(new Rule.UnitOf("unit", "resource", List.of("quantity"))));
    }
}
