package io.fleetcast.planning.supply;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;

/**
 * One calendar month of a {@link SupplyPath} (its days inside the path): the usable capacity it opens with, what is
 * expected to fail, what retires by plan and what arrives on open orders in it, and the usable capacity on its last
 * day. {@code closing = opening − failing − retiring + arriving}. Amounts are in the resource's canonical unit.
 *
 * @param opening usable the day before its first day (for the path's first month, what was installed at the start)
 */
public record SupplyMonth(
        YearMonth month, double opening, double failing, double retiring, double arriving, double closing) {
    public SupplyMonth {
        requireNonNull(month, "month is null");
    }
}
