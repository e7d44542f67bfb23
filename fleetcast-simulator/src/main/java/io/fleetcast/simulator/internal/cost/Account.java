package io.fleetcast.simulator.internal.cost;

import static java.util.Objects.requireNonNull;

import io.fleetcast.simulator.internal.catalog.Provider;
import io.fleetcast.simulator.internal.csv.CsvField;

/**
 * A billing account and the provider columns of its lines.
 *
 * @param id BillingAccountId
 * @param name BillingAccountName
 * @param invoiceIssuer InvoiceIssuerName
 * @param provider ProviderName (and PublisherName)
 * @param commitmentType CommitmentDiscountType of its reservations
 * @param prefix short name used in invoice ids
 */
record Account(
        CsvField id, CsvField name, CsvField invoiceIssuer, CsvField provider, CsvField commitmentType, String prefix) {
    static final CsvField USD = CsvField.of("USD");

    Account {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(invoiceIssuer, "invoiceIssuer is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(commitmentType, "commitmentType is null");
        requireNonNull(prefix, "prefix is null");
    }

    static Account of(Provider provider) {
        return switch (provider) {
            case ON_PREMISES ->
                account("onprem-chargeback", "Datacenter chargeback", "Internal Finance", provider, "", "onprem");
            case AWS ->
                account(
                        "210987654321",
                        "Main AWS payer account",
                        "AWS",
                        provider,
                        "Reserved Instance",
                        provider.prefix());
            case GOOGLE_CLOUD ->
                account(
                        "01A2B3-C4D5E6-F7A8B9",
                        "Main Google Cloud billing account",
                        "Google Cloud",
                        provider,
                        "Committed Use Discount",
                        provider.prefix());
        };
    }

    private static Account account(
            String id, String name, String issuer, Provider provider, String commitmentType, String prefix) {
        return new Account(
                CsvField.of(id),
                CsvField.of(name),
                CsvField.of(issuer),
                CsvField.of(provider.displayName()),
                CsvField.of(commitmentType),
                prefix);
    }
}
