package io.fleetcast.app.capacity;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Growth rates of placements as a service's own plus its cluster's: g(s, c) = a(s) + b(c), fitted by least squares to
 * the placements whose growth is known. A cluster that grows faster than its services do elsewhere (it takes a larger
 * share of them) shows as b(c); a service that grows fast everywhere as a(s). The sum a(s) + b(c) is determined only
 * when service and cluster are linked through known placements (service s in cluster c', which shares a service with
 * c, ...); elsewhere {@link #predict} says NaN.
 */
final class AdditiveGrowth {
    private static final int MAX_SWEEPS = 10_000;
    private static final double TOLERANCE = 1e-14;
    /** The clusters a median needs to stand for a typical one: of two, one built to grow fast moves it halfway. */
    static final int TYPICAL_AMONG = 3;

    private final Map<String, Double> services;
    private final Map<String, Double> clusters;
    private final Map<String, String> component;
    /** How many known placements each service ("s:") and cluster ("c:") has. */
    private final Map<String, Integer> cells;
    /**
     * The median cluster effect of each component's clusters, by the component's root, where it has at least {@value
     * #TYPICAL_AMONG} clusters.
     */
    private final Map<String, Double> typical;

    private AdditiveGrowth(
            Map<String, Double> services,
            Map<String, Double> clusters,
            Map<String, String> component,
            Map<String, Integer> cells) {
        this.services = services;
        this.clusters = clusters;
        this.component = component;
        this.cells = cells;
        Map<String, List<Double>> effects = new HashMap<>();
        clusters.forEach(
                (cluster, effect) -> effects.computeIfAbsent(component.get("c:" + cluster), k -> new ArrayList<>())
                        .add(effect));
        this.typical = new HashMap<>();
        effects.forEach((root, values) -> {
            double[] sorted =
                    values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            if (n >= TYPICAL_AMONG) {
                typical.put(root, (sorted[(n - 1) / 2] + sorted[n / 2]) / 2);
            }
        });
    }

    /** One placement's known growth. */
    record Known(String service, String cluster, double growth) {}

    /** The least-squares service and cluster effects of {@code known} (alternating means until they settle). */
    static AdditiveGrowth fit(List<Known> known) {
        Map<String, Double> a = new HashMap<>();
        Map<String, Double> b = new HashMap<>();
        Map<String, String> parent = new HashMap<>();
        Map<String, Integer> cells = new HashMap<>();
        for (Known cell : known) {
            a.put(cell.service(), 0.0);
            b.put(cell.cluster(), 0.0);
            cells.merge("s:" + cell.service(), 1, Integer::sum);
            cells.merge("c:" + cell.cluster(), 1, Integer::sum);
            union(parent, "s:" + cell.service(), "c:" + cell.cluster());
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double change = 0;
            change = Math.max(change, update(known, a, b, true));
            change = Math.max(change, update(known, a, b, false));
            if (change < TOLERANCE) {
                break;
            }
        }
        Map<String, String> component = new HashMap<>();
        for (String node : new ArrayList<>(parent.keySet())) {
            component.put(node, root(parent, node));
        }
        return new AdditiveGrowth(a, b, component, cells);
    }

    /** a(service) + b(cluster), or NaN when either has no known placement or the two are not linked. */
    double predict(String service, String cluster) {
        Double a = services.get(service);
        Double b = clusters.get(cluster);
        return a != null && b != null && linked("s:" + service, "c:" + cluster) ? a + b : Double.NaN;
    }

    /**
     * The variance of {@link #predict} as a share of the variance of one placement's growth about it, roughly: as of
     * two means, of the service's known placements and of the cluster's, 1 / n(service) + 1 / n(cluster). NaN where
     * {@link #predict} is.
     */
    double predictionShare(String service, String cluster) {
        return Double.isNaN(predict(service, cluster))
                ? Double.NaN
                : 1.0 / requireNonNull(cells.get("s:" + service)) + 1.0 / requireNonNull(cells.get("c:" + cluster));
    }

    /**
     * The variance of {@link #typical} as a share of one placement's about it, roughly 1 / n(service); NaN where {@link
     * #typical} is.
     */
    double typicalShare(String service) {
        return Double.isNaN(typical(service)) ? Double.NaN : 1.0 / requireNonNull(cells.get("s:" + service));
    }

    /**
     * b(to) − b(from): how much faster a service grows in cluster {@code to} than in cluster {@code from}; NaN when
     * either has no known placement or the two are not linked.
     */
    double between(String from, String to) {
        Double a = clusters.get(from);
        Double b = clusters.get(to);
        return a != null && b != null && linked("c:" + from, "c:" + to) ? b - a : Double.NaN;
    }

    /** Whether two nodes ("s:" service or "c:" cluster) are linked through known placements. */
    private boolean linked(String x, String y) {
        String left = component.get(x);
        return left != null && left.equals(component.get(y));
    }

    /**
     * a(service) plus the median cluster effect of the clusters linked to it: the service's growth in a cluster that
     * shows none of its own (a new one), where the few clusters built to grow faster do not pull it; NaN when the service
     * has no known placement or fewer than {@value #TYPICAL_AMONG} clusters are linked to it.
     */
    double typical(String service) {
        Double a = services.get(service);
        Double b = typical.get(component.get("s:" + service));
        return a == null || b == null ? Double.NaN : a + b;
    }

    /** Sets each service's (or cluster's) effect to the mean of its cells less the other effects; the largest move. */
    private static double update(List<Known> known, Map<String, Double> a, Map<String, Double> b, boolean rows) {
        Map<String, double[]> sums = new HashMap<>();
        for (Known cell : known) {
            String key = rows ? cell.service() : cell.cluster();
            double other = rows ? b.getOrDefault(cell.cluster(), 0.0) : a.getOrDefault(cell.service(), 0.0);
            double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
            sum[0] += cell.growth() - other;
            sum[1]++;
        }
        Map<String, Double> effects = rows ? a : b;
        double change = 0;
        for (Map.Entry<String, double[]> sum : sums.entrySet()) {
            double value = sum.getValue()[0] / sum.getValue()[1];
            change = Math.max(change, Math.abs(value - effects.getOrDefault(sum.getKey(), 0.0)));
            effects.put(sum.getKey(), value);
        }
        return change;
    }

    private static void union(Map<String, String> parent, String x, String y) {
        parent.putIfAbsent(x, x);
        parent.putIfAbsent(y, y);
        String rx = root(parent, x);
        String ry = root(parent, y);
        if (!rx.equals(ry)) {
            parent.put(rx, ry);
        }
    }

    private static String root(Map<String, String> parent, String node) {
        String at = node;
        for (String up = parent.getOrDefault(at, at); !up.equals(at); up = parent.getOrDefault(at, at)) {
            at = up;
        }
        return at;
    }
}
