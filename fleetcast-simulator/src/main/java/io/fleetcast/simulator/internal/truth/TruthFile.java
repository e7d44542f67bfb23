package io.fleetcast.simulator.internal.truth;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.simulator.internal.catalog.Sku;
import io.fleetcast.simulator.internal.catalog.SkuCatalog;
import io.fleetcast.simulator.internal.cost.BudgetOverrun;
import io.fleetcast.simulator.internal.cost.CostAnomaly;
import io.fleetcast.simulator.internal.demand.DemandEvent;
import io.fleetcast.simulator.internal.demand.DemandModel;
import io.fleetcast.simulator.internal.demand.DriverBinding;
import io.fleetcast.simulator.internal.demand.Launch;
import io.fleetcast.simulator.internal.failure.WeibullLife;
import io.fleetcast.simulator.internal.organization.Organization;
import io.fleetcast.simulator.internal.supply.Asset;
import io.fleetcast.simulator.internal.supply.BadBatch;
import io.fleetcast.simulator.internal.supply.Exhaustion;
import io.fleetcast.simulator.internal.supply.Supply;
import io.fleetcast.simulator.internal.timeline.Timeline;
import io.fleetcast.simulator.internal.topology.Cluster;
import io.fleetcast.simulator.internal.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Writes truth.json, pretty-printed with a fixed key order, {@code \n} line ends and plain decimals. */
public final class TruthFile {
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    private TruthFile() {}

    /** What the simulation was run with. */
    public record Settings(int servers, int days, long seed) {
        public Settings {
            checkArgument(servers >= 1, "servers must be >= 1, got %s", servers);
            checkArgument(days >= 1, "days must be >= 1, got %s", days);
        }
    }

    /** What the simulation produced, as truth.json states it. */
    public record Sources(
            Timeline timeline,
            SkuCatalog catalog,
            Topology topology,
            Organization organization,
            DemandModel demand,
            Supply supply,
            List<CostAnomaly> anomalies,
            List<BudgetOverrun> overruns) {
        public Sources {
            requireNonNull(timeline, "timeline is null");
            requireNonNull(catalog, "catalog is null");
            requireNonNull(topology, "topology is null");
            requireNonNull(organization, "organization is null");
            requireNonNull(demand, "demand is null");
            requireNonNull(supply, "supply is null");
            anomalies = List.copyOf(anomalies);
            overruns = List.copyOf(overruns);
        }
    }

    /** Writes the truth of {@code sources} to {@code path}. */
    public static void write(Path path, Settings settings, Sources sources) {
        requireNonNull(path, "path is null");
        ObjectNode root = new TruthFile().build(settings, sources);
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        try {
            String json = mapper.writer(printer).writeValueAsString(root) + "\n";
            Files.write(path, json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + path, e);
        }
    }

    private ObjectNode build(Settings settings, Sources sources) {
        Timeline timeline = sources.timeline();
        ObjectNode root = nodes.objectNode();
        ObjectNode config = root.putObject("config");
        config.put("servers", settings.servers());
        config.put("days", settings.days());
        config.put("seed", settings.seed());
        config.put("end", timeline.end().toString());
        config.put("start", timeline.start().toString());
        config.put("horizon_end", Timeline.date(timeline.horizonEndDay()).toString());
        root.set("fleet", fleet(sources));
        // The maintenance team the fleet is given for prognostics: one proactive visit a day per 1,000 servers.
        ObjectNode service = root.putObject("service");
        service.put("visits_per_day", Math.max(1, Math.round(settings.servers() / 1000.0)));
        service.put("horizon_days", 30);
        root.set("weibull", weibull(sources));
        root.set("exhaustion", exhaustion(sources));
        root.set("events", events(sources));
        root.set("drivers", drivers(sources));
        root.set("cost_anomalies", anomalies(sources));
        root.set("budget_overruns", overruns(sources));
        root.set("failures", failures(sources));
        root.set("launches", launches(sources));
        return root;
    }

    private ObjectNode fleet(Sources sources) {
        int end = sources.timeline().lastDay();
        ObjectNode fleet = nodes.objectNode();
        ArrayNode regions = fleet.putArray("regions");
        sources.topology().regions().forEach(region -> regions.add(region.name()));
        fleet.put("sites", sources.topology().sites().size());
        List<Cluster> clusters = sources.topology().clusters();
        fleet.put(
                "owned_clusters",
                clusters.stream().filter(cluster -> !cluster.isCloud()).count());
        fleet.put("cloud_clusters", clusters.stream().filter(Cluster::isCloud).count());
        fleet.put("services", sources.organization().services().size());
        fleet.put("teams", sources.organization().teams().size());
        fleet.put("placements", sources.demand().placements().size());
        fleet.put(
                "owned_servers_in_service_at_end",
                countInService(sources.supply().owned(), end));
        fleet.put(
                "cloud_instances_in_service_at_end",
                countInService(sources.supply().cloud(), end));
        return fleet;
    }

    private static long countInService(List<Asset> assets, int day) {
        return assets.stream().filter(asset -> asset.inServiceOn(day)).count();
    }

    private ArrayNode weibull(Sources sources) {
        ArrayNode array = nodes.arrayNode();
        for (Sku sku : sources.catalog().owned()) {
            WeibullLife life = sku.lifeOrThrow();
            ObjectNode entry = array.addObject();
            entry.put("sku", sku.name());
            entry.putNull("batch");
            entry.put("shape", decimal(life.shape(), 4));
            entry.put("scale_days", decimal(life.scaleDays(), 2));
        }
        BadBatch bad = sources.supply().badBatch().orElse(null);
        if (bad != null) {
            ObjectNode entry = array.addObject();
            entry.put("sku", bad.order().sku().name());
            entry.put("batch", bad.order().id());
            entry.put("shape", decimal(bad.life().shape(), 4));
            entry.put("scale_days", decimal(bad.life().scaleDays(), 2));
        }
        return array;
    }

    private ArrayNode exhaustion(Sources sources) {
        ArrayNode array = nodes.arrayNode();
        for (Exhaustion found : sources.supply().exhaustion()) {
            ObjectNode entry = array.addObject();
            entry.put("cluster", found.cluster().name());
            entry.put("resource", found.resource().code());
            entry.put("date", Timeline.date(found.day()).toString());
            entry.put("unit", found.resource().canonicalUnit());
            entry.put("usable_capacity_after_end", decimal(found.usableAtEnd(), 3));
            entry.put("expected_used_at_end", decimal(found.expectedAtEnd(), 3));
            entry.put("usable_capacity_on_date", decimal(found.usableOnDay(), 3));
            entry.put("expected_used_on_date", decimal(found.expectedOnDay(), 3));
            entry.put("designed", found.designed());
        }
        return array;
    }

    private ArrayNode events(Sources sources) {
        ArrayNode array = nodes.arrayNode();
        for (DemandEvent event : sources.demand().events()) {
            ObjectNode entry = array.addObject();
            entry.put("name", event.name());
            entry.put("kind", event.kind().code());
            entry.put("start", Timeline.date(event.startDay()).toString());
            entry.put("end", Timeline.date(event.endDay()).toString());
            entry.put("scope", event.scope().code());
            if (event.scopeValue().isEmpty()) {
                entry.putNull("scope_value");
            } else {
                entry.put("scope_value", event.scopeValue());
            }
            entry.put("lift", decimal(event.lift(), 4));
            entry.put("applies_to", event.appliesToDescription());
        }
        return array;
    }

    private ArrayNode drivers(Sources sources) {
        ArrayNode array = nodes.arrayNode();
        for (DriverBinding binding : sources.demand().drivers().bindings()) {
            ObjectNode entry = array.addObject();
            entry.put("service", binding.service().name());
            entry.put("driver", binding.driver().name());
            String driverService = binding.driver().service();
            if (driverService == null) {
                entry.putNull("driver_service");
            } else {
                entry.put("driver_service", driverService);
            }
            entry.put("elasticity", decimal(binding.elasticity(), 4));
        }
        return array;
    }

    private ArrayNode anomalies(Sources sources) {
        ArrayNode array = nodes.arrayNode();
        for (CostAnomaly anomaly : sources.anomalies()) {
            ObjectNode entry = array.addObject();
            entry.put("team", anomaly.team());
            entry.put("date", Timeline.date(anomaly.day()).toString());
            entry.put("service", anomaly.service());
            entry.put("amount_usd", money(anomaly.amountMicros()));
            entry.put("cluster", anomaly.cluster());
            entry.put("team_other_spend_that_day_usd", money(anomaly.teamDailyMicros()));
            entry.put("description", anomaly.description());
        }
        return array;
    }

    private ArrayNode overruns(Sources sources) {
        ArrayNode array = nodes.arrayNode();
        for (BudgetOverrun overrun : sources.overruns()) {
            ObjectNode entry = array.addObject();
            entry.put("team", overrun.team());
            entry.put("period", overrun.period());
            entry.put("budget", money(overrun.budgetMicros()));
            entry.put("expected_spend", money(overrun.expectedSpendMicros()));
            entry.put("spend_to_end", money(overrun.spendToEndMicros()));
            entry.put("current_period", overrun.current());
        }
        return array;
    }

    private ArrayNode failures(Sources sources) {
        Timeline timeline = sources.timeline();
        int end = timeline.lastDay();
        List<Asset> failed = new ArrayList<>();
        for (Asset asset : sources.supply().owned()) {
            if (asset.installDay() > end || !asset.fails()) {
                continue;
            }
            boolean observed = asset.failureDay() <= end;
            boolean upcoming = asset.inServiceOn(end) && asset.failureDay() <= timeline.horizonEndDay();
            if (observed || upcoming) {
                failed.add(asset);
            }
        }
        failed.sort(Comparator.comparingInt(Asset::failureDay).thenComparing(Asset::id));
        ArrayNode array = nodes.arrayNode();
        for (Asset asset : failed) {
            ObjectNode entry = array.addObject();
            entry.put("asset_id", asset.id());
            entry.put("sku", asset.sku().name());
            entry.put("cluster", asset.cluster().name());
            entry.put("date", Timeline.date(asset.failureDay()).toString());
            entry.put("observed", asset.failureDay() <= end);
            entry.put("mode", asset.failureMode().code());
            entry.put(
                    "degradation_start",
                    Timeline.date(asset.failureDay() - asset.degradationDays()).toString());
        }
        return array;
    }

    private ArrayNode launches(Sources sources) {
        ArrayNode array = nodes.arrayNode();
        for (Launch launch : sources.demand().launches()) {
            ObjectNode entry = array.addObject();
            entry.put("adjustment_id", launch.adjustmentId());
            entry.put("service", launch.placement().service().name());
            entry.put("cluster", launch.placement().cluster().name());
            entry.put("resource", launch.resource().code());
            entry.put("start", Timeline.date(launch.startDay()).toString());
            entry.put("step", decimal(launch.step(), 3));
            entry.put("unit", launch.resource().canonicalUnit());
        }
        return array;
    }

    private static BigDecimal decimal(double value, int places) {
        return BigDecimal.valueOf(value)
                .setScale(places, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }

    private static BigDecimal money(long micros) {
        return BigDecimal.valueOf(micros, 6).setScale(6, RoundingMode.UNNECESSARY);
    }
}
