package io.fleetcast.planning.utilization;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.unit.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The utilization analysis: which services idle or under-use their allocations, how far each could be shrunk and what
 * that saves, and which clusters strand capacity of one resource while another runs out. Pure and immutable; the
 * thresholds come from a {@link UtilizationPolicy}, money from {@link UnitRates} per cluster (see {@link UnitPricing}).
 */
public final class UtilizationAnalysis {
    private final UtilizationPolicy policy;

    public UtilizationAnalysis(UtilizationPolicy policy) {
        this.policy = requireNonNull(policy, "policy is null");
    }

    public UtilizationPolicy policy() {
        return policy;
    }

    /**
     * The verdict on one service's use of one resource in one cluster: P95 daily use over the current allocation, read
     * against the policy's idle and under-used thresholds.
     */
    public ServiceAssessment assess(ServiceLoad load) {
        requireNonNull(load, "load is null");
        Double allocatedNow = load.allocatedNow();
        if (allocatedNow == null || allocatedNow == 0) {
            return new ServiceAssessment(load, ServiceStatus.UNALLOCATED, null);
        }
        double ratio = load.used().p95() / allocatedNow;
        ServiceStatus status;
        if (ratio < policy.idleBelow()) {
            status = ServiceStatus.IDLE;
        } else if (ratio < policy.underUsedBelow()) {
            status = ServiceStatus.UNDER_USED;
        } else if (ratio <= 1) {
            status = ServiceStatus.WELL_USED;
        } else {
            status = ServiceStatus.ABOVE_ALLOCATION;
        }
        return new ServiceAssessment(load, status, ratio);
    }

    /**
     * Rightsizing of every idle or under-used load: the new allocation is P95 daily use times (1 + margin), and what it
     * frees is priced at the cluster's rate. Loads whose new allocation would not be smaller are left out. Ordered by
     * monthly saving, largest first (those without a price last), then service, cluster and resource.
     *
     * @param ratesByCluster unit rates per cluster; a cluster missing here gets recommendations without a saving
     */
    public ImmutableList<Rightsizing> rightsize(List<ServiceLoad> loads, Map<String, UnitRates> ratesByCluster) {
        requireNonNull(ratesByCluster, "ratesByCluster is null");
        List<Rightsizing> recommendations = new ArrayList<>();
        for (ServiceLoad load : loads) {
            ServiceAssessment assessment = assess(load);
            Double allocatedNow = load.allocatedNow();
            if (allocatedNow == null
                    || (assessment.status() != ServiceStatus.IDLE && assessment.status() != ServiceStatus.UNDER_USED)) {
                continue;
            }
            double usedP95 = load.used().p95();
            double recommended = usedP95 * (1 + policy.rightsizingMargin());
            double reclaimable = allocatedNow - recommended;
            if (reclaimable <= 0) {
                continue;
            }
            recommendations.add(new Rightsizing(
                    load.service(),
                    load.cluster(),
                    load.resource(),
                    assessment.status(),
                    usedP95,
                    allocatedNow,
                    recommended,
                    reclaimable,
                    load.resource().canonicalUnit(),
                    price(reclaimable, load.resource(), ratesByCluster.get(load.cluster()))));
        }
        recommendations.sort(Comparator.comparing(
                        (Rightsizing r) -> r.usdPerMonth() == null ? Double.NEGATIVE_INFINITY : r.usdPerMonth(),
                        Comparator.reverseOrder())
                .thenComparing(Rightsizing::service)
                .thenComparing(Rightsizing::cluster)
                .thenComparing(Rightsizing::resource));
        return ImmutableList.copyOf(recommendations);
    }

    /**
     * Stranded capacity of every cluster whose most held resource is at or above the exhaustion threshold: each other
     * resource held at least the stranding gap less is stranded by {@code supply × (f_binding − f)} (see
     * {@link StrandedCapacity}). Resources with no supply are skipped. Ordered by cluster, then resource.
     *
     * @param loads per cluster and resource
     * @param ratesByCluster unit rates per cluster; a cluster missing here gets no price
     * @param skusByCluster the SKUs in service per cluster (its host shapes); a cluster missing here gets none
     */
    public ImmutableList<StrandedCapacity> stranded(
            List<ClusterLoad> loads,
            Map<String, UnitRates> ratesByCluster,
            Map<String, ? extends List<String>> skusByCluster) {
        requireNonNull(ratesByCluster, "ratesByCluster is null");
        requireNonNull(skusByCluster, "skusByCluster is null");
        Map<String, Map<Resource, ClusterLoad>> byCluster = new TreeMap<>();
        for (ClusterLoad load : loads) {
            ClusterLoad earlier = byCluster
                    .computeIfAbsent(load.cluster(), c -> new EnumMap<>(Resource.class))
                    .put(load.resource(), load);
            if (earlier != null) {
                throw new IllegalArgumentException(
                        "two loads of " + load.resource().code() + " for cluster " + load.cluster());
            }
        }
        ImmutableList.Builder<StrandedCapacity> stranded = ImmutableList.builder();
        byCluster.forEach((cluster, resources) -> {
            Map<Resource, Double> fractions = new EnumMap<>(Resource.class);
            @Nullable Resource binding = null;
            double bindingFraction = Double.NEGATIVE_INFINITY;
            for (ClusterLoad load : resources.values()) {
                OptionalDouble fraction = load.heldFraction();
                if (fraction.isPresent()) {
                    fractions.put(load.resource(), fraction.orElseThrow());
                    if (fraction.orElseThrow() > bindingFraction) {
                        binding = load.resource();
                        bindingFraction = fraction.orElseThrow();
                    }
                }
            }
            if (binding == null || bindingFraction < policy.exhaustionThreshold()) {
                return;
            }
            List<String> skus = skusByCluster.get(cluster);
            for (ClusterLoad load : resources.values()) {
                Resource resource = load.resource();
                Double fraction = fractions.get(resource);
                if (resource == binding || fraction == null || bindingFraction - fraction < policy.strandingGap()) {
                    continue;
                }
                double amount = load.supply() * (bindingFraction - fraction);
                stranded.add(new StrandedCapacity(
                        cluster,
                        skus == null ? ImmutableList.of() : ImmutableList.copyOf(skus),
                        binding,
                        bindingFraction,
                        resource,
                        fraction,
                        load.supply(),
                        amount,
                        resource.canonicalUnit(),
                        price(amount, resource, ratesByCluster.get(cluster))));
            }
        });
        return stranded.build();
    }

    private static @Nullable Double price(double amount, Resource resource, @Nullable UnitRates rates) {
        return rates == null ? null : amount * rates.usdPerUnitMonth(resource);
    }
}
