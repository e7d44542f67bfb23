package io.fleetcast.simulator.internal.cost;

import io.fleetcast.simulator.internal.csv.CsvTableWriter;

/** Positions of the FOCUS columns the simulator fills, looked up once from the costs schema. */
final class Columns {
    final int billed;
    final int effective;
    final int list;
    final int contracted;
    final int currency;
    final int accountId;
    final int accountName;
    final int billingStart;
    final int billingEnd;
    final int chargeStart;
    final int chargeEnd;
    final int category;
    final int description;
    final int frequency;
    final int consumedQuantity;
    final int consumedUnit;
    final int contractedUnitPrice;
    final int listUnitPrice;
    final int pricingQuantity;
    final int pricingUnit;
    final int pricingCategory;
    final int commitmentCategory;
    final int commitmentId;
    final int commitmentStatus;
    final int commitmentType;
    final int invoiceId;
    final int invoiceIssuer;
    final int provider;
    final int regionId;
    final int regionName;
    final int resourceId;
    final int resourceName;
    final int resourceType;
    final int serviceCategory;
    final int serviceName;
    final int skuId;
    final int subAccountId;
    final int subAccountName;
    final int tags;

    Columns(CsvTableWriter writer) {
        billed = writer.column("BilledCost");
        effective = writer.column("EffectiveCost");
        list = writer.column("ListCost");
        contracted = writer.column("ContractedCost");
        currency = writer.column("BillingCurrency");
        accountId = writer.column("BillingAccountId");
        accountName = writer.column("BillingAccountName");
        billingStart = writer.column("BillingPeriodStart");
        billingEnd = writer.column("BillingPeriodEnd");
        chargeStart = writer.column("ChargePeriodStart");
        chargeEnd = writer.column("ChargePeriodEnd");
        category = writer.column("ChargeCategory");
        description = writer.column("ChargeDescription");
        frequency = writer.column("ChargeFrequency");
        consumedQuantity = writer.column("ConsumedQuantity");
        consumedUnit = writer.column("ConsumedUnit");
        contractedUnitPrice = writer.column("ContractedUnitPrice");
        listUnitPrice = writer.column("ListUnitPrice");
        pricingQuantity = writer.column("PricingQuantity");
        pricingUnit = writer.column("PricingUnit");
        pricingCategory = writer.column("PricingCategory");
        commitmentCategory = writer.column("CommitmentDiscountCategory");
        commitmentId = writer.column("CommitmentDiscountId");
        commitmentStatus = writer.column("CommitmentDiscountStatus");
        commitmentType = writer.column("CommitmentDiscountType");
        invoiceId = writer.column("InvoiceId");
        invoiceIssuer = writer.column("InvoiceIssuerName");
        provider = writer.column("ProviderName");
        regionId = writer.column("RegionId");
        regionName = writer.column("RegionName");
        resourceId = writer.column("ResourceId");
        resourceName = writer.column("ResourceName");
        resourceType = writer.column("ResourceType");
        serviceCategory = writer.column("ServiceCategory");
        serviceName = writer.column("ServiceName");
        skuId = writer.column("SkuId");
        subAccountId = writer.column("SubAccountId");
        subAccountName = writer.column("SubAccountName");
        tags = writer.column("Tags");
    }
}
