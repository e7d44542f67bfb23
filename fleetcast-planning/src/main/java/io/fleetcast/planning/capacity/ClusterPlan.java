package io.fleetcast.planning.capacity;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * One cluster's capacity plan.
 *
 * @param resources the plan per resource the cluster has demand or supply of
 * @param order the order to place, if any
 * @param notes why no order could be recommended, or other caveats, for people
 */
public record ClusterPlan(
        String cluster,
        String site,
        String region,
        boolean elastic,
        ImmutableList<ResourcePlan> resources,
        Optional<OrderRecommendation> order,
        ImmutableList<String> notes) {}
