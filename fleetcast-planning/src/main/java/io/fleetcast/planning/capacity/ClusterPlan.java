package io.fleetcast.planning.capacity;

import com.google.common.collect.ImmutableList;

/**
 * One cluster's capacity plan.
 *
 * @param resources the plan per resource the cluster has demand or supply of
 * @param orders the orders to place, in need order: tranches of {@link CapacityPlanner#TRANCHE_DAYS} days of need
 * @param notes why no order could be recommended, or other caveats, for people
 */
public record ClusterPlan(
        String cluster,
        String site,
        String region,
        boolean elastic,
        ImmutableList<ResourcePlan> resources,
        ImmutableList<OrderRecommendation> orders,
        ImmutableList<String> notes) {}
