package io.fleetcast.store.life;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One asset's life as stored: from install to failure (failed), or to retirement or the data's last day (suspended).
 *
 * @param assetId the asset
 * @param sku its hardware model
 * @param region its region
 * @param site its site
 * @param cluster its cluster
 * @param batch its purchase batch, if recorded
 * @param start the install day
 * @param end the failure, retirement or last day
 * @param failed whether it failed on {@code end}
 * @param ageDays days from install to {@code end}
 */
public record LifeRecord(
        String assetId,
        String sku,
        String region,
        String site,
        String cluster,
        @Nullable String batch,
        LocalDate start,
        LocalDate end,
        boolean failed,
        long ageDays) {
    public LifeRecord {
        requireNonNull(assetId, "assetId is null");
        requireNonNull(sku, "sku is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
    }
}
