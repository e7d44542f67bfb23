package io.fleetcast.store;

import io.fleetcast.store.cost.CapacityDay;
import io.fleetcast.store.cost.CommitmentRate;
import io.fleetcast.store.cost.CostGroup;
import io.fleetcast.store.cost.CostGroupQuery;
import io.fleetcast.store.cost.DriverDay;
import io.fleetcast.store.cost.OnDemandDay;
import io.fleetcast.store.cost.OwnedServerDay;
import io.fleetcast.store.cost.ServiceOwner;
import io.fleetcast.store.cost.StoredBudget;
import io.fleetcast.store.fleet.DataSpan;
import io.fleetcast.store.utilization.SkuPrice;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the cost lines (FOCUS columns), the budgets and the ownership mapping (the services file: service →
 * team → org). Lines are aggregated inside the store, per charge day and owner, so a month of ten million lines comes
 * back as a few thousand groups. Safe for use from several threads.
 */
public interface CostQueries {
    /** The first and the last charge day of the cost lines; empty when there are none. */
    Optional<DataSpan> chargeDays();

    /**
     * The cost lines charged on days {@code query.from()} to {@code query.to()}, summed per day and owner (see {@link
     * CostGroup} for how a line finds its owner), region, SKU, provider service, charge category and currency.
     * Amounts are exact sums.
     *
     * @throws io.fleetcast.core.error.FleetcastException {@code INTERNAL} if the store fails
     */
    List<CostGroup> dailyGroups(CostGroupQuery query);

    /**
     * On-demand hours per SKU, region and day, from {@code from} to {@code to}: usage lines without a commitment
     * discount, at standard pricing, metered in hours.
     */
    List<OnDemandDay> onDemandDays(LocalDate from, LocalDate to);

    /** The committed hourly rate of every SKU that has one, observed in the cost lines or stated by the catalog. */
    List<CommitmentRate> commitmentRates();

    /** The traffic drivers' daily values from {@code from} to {@code to}, by driver, service and day. */
    List<DriverDay> driverDays(LocalDate from, LocalDate to);

    /** Owned servers per cluster, SKU and day from {@code from} to {@code to}, with the days they depreciate. */
    List<OwnedServerDay> ownedServerDays(LocalDate from, LocalDate to);

    /** Each service's daily allocations per cluster from {@code from} to {@code to}, from daily usage rows. */
    List<CapacityDay> allocationDays(LocalDate from, LocalDate to);

    /** Each service's daily use per cluster from {@code from} to {@code to}, from daily usage rows. */
    List<CapacityDay> usedDays(LocalDate from, LocalDate to);

    /** The SKU catalog's owned SKUs. */
    List<SkuPrice> ownedSkus();

    /** Every budget, the latest load's where a team and period were loaded twice; by team, then period. */
    List<StoredBudget> budgets();

    /** Every service's owner, the latest load's where a service was loaded twice; by service. */
    List<ServiceOwner> owners();
}
