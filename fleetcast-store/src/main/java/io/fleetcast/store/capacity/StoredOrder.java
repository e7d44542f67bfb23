package io.fleetcast.store.capacity;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One stored supply order.
 *
 * @param cluster the destination cluster, {@code null} when not decided
 * @param delivered the delivery day, {@code null} unless delivered
 * @param status {@code open}, {@code delivered} or {@code cancelled}
 * @param sourceFile the file it was loaded from
 * @param sourceLine its line there
 */
public record StoredOrder(
        String orderId,
        String sku,
        String site,
        @Nullable String cluster,
        long quantity,
        LocalDate ordered,
        LocalDate promised,
        @Nullable LocalDate delivered,
        String status,
        String sourceFile,
        long sourceLine) {}
