package io.fleetcast.store;

import io.fleetcast.store.capacity.InventoryGroup;
import io.fleetcast.store.capacity.PathDay;
import io.fleetcast.store.capacity.SkuRecord;
import io.fleetcast.store.capacity.StoredCapacityPlan;
import io.fleetcast.store.capacity.StoredOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What the capacity plan reads and writes. Safe for use from several threads. */
public interface CapacityStore {

    /** The servers in service on {@code day} (installed on or before it, neither failed nor retired by it), grouped. */
    List<InventoryGroup> inventory(LocalDate day);

    /** Every stored supply order, by order day then id. */
    List<StoredOrder> orders();

    /** The SKU catalog, by SKU. */
    List<SkuRecord> skus();

    /** Hears one service's daily used amounts in one cluster. */
    interface ServiceSeriesVisitor {
        /**
         * One series.
         *
         * @param epochDays its days (days since 1970-01-01), ascending; a day may repeat and days may be missing
         * @param used the used amount on each of those days
         */
        void series(String service, String cluster, String resource, int[] epochDays, double[] used);
    }

    /**
     * Streams every daily usage series (service, cluster, resource), one call each, in no particular order. The store
     * gathers each series itself: at fleet scale that is tens of millions of rows, which would be slow to pass one by
     * one.
     */
    void serviceDemand(ServiceSeriesVisitor visitor);

    /**
     * Stores a capacity plan as the next version, with its daily paths, in one transaction.
     *
     * @return the version written
     */
    int writeCapacityPlan(
            String asOf, String description, @Nullable Integer demandPlanVersion, String document, List<PathDay> paths);

    /** The daily path of {@code cluster}'s {@code resource} in plan {@code version}, oldest day first. */
    List<PathDay> path(int version, String cluster, String resource);

    /** Every stored capacity plan version, oldest first (documents included). */
    List<StoredCapacityPlan> capacityPlans();

    /** Capacity plan {@code version}; empty when there is none. */
    Optional<StoredCapacityPlan> capacityPlan(int version);
}
