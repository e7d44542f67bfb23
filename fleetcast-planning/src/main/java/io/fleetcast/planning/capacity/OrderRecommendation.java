package io.fleetcast.planning.capacity;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.unit.Resource;
import java.time.LocalDate;

/**
 * An order to place so a cluster holds P50 demand plus headroom through the horizon.
 *
 * @param sku the SKU to order
 * @param quantity servers
 * @param site the site to deliver to
 * @param cluster the cluster they are for
 * @param needBy the day the capacity is first needed
 * @param orderBy the last day to order so it arrives by then at the lead time's service-level quantile (never before
 *     the plan's first day)
 * @param leadTimeDays that lead-time quantile, in days
 * @param late whether even ordering on the plan's first day arrives after {@link #needBy}
 * @param costUsd quantity × unit price, in USD
 * @param binding the resource that sets the quantity
 * @param why the reasoning, one line per step, with units
 */
public record OrderRecommendation(
        String sku,
        long quantity,
        String site,
        String cluster,
        LocalDate needBy,
        LocalDate orderBy,
        int leadTimeDays,
        boolean late,
        double costUsd,
        Resource binding,
        ImmutableList<String> why) {}
