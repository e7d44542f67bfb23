package io.fleetcast.simulator.internal.organization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.simulator.internal.catalog.Family;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The organisations, teams and services of the simulated company: about 30 services for 2000 servers, growing with the
 * square root of the fleet (8 to 400), owned by teams of two to three services each.
 */
public final class Organization {
    private static final List<Owner> TEAMS = List.of(
            new Owner("search", "Consumer"),
            new Owner("feed", "Consumer"),
            new Owner("messaging", "Consumer"),
            new Owner("video", "Consumer"),
            new Owner("photos", "Consumer"),
            new Owner("notifications", "Consumer"),
            new Owner("profiles", "Consumer"),
            new Owner("social-graph", "Consumer"),
            new Owner("checkout", "Commerce"),
            new Owner("payments", "Commerce"),
            new Owner("catalog", "Commerce"),
            new Owner("inventory", "Commerce"),
            new Owner("pricing", "Commerce"),
            new Owner("shipping", "Commerce"),
            new Owner("reviews", "Commerce"),
            new Owner("loyalty", "Commerce"),
            new Owner("ads-delivery", "Ads"),
            new Owner("ads-ranking", "Ads"),
            new Owner("ads-billing", "Ads"),
            new Owner("ads-reporting", "Ads"),
            new Owner("identity", "Platform"),
            new Owner("config", "Platform"),
            new Owner("deploy", "Platform"),
            new Owner("secrets", "Platform"),
            new Owner("service-mesh", "Platform"),
            new Owner("queueing", "Platform"),
            new Owner("analytics", "Data"),
            new Owner("ml-platform", "Data"),
            new Owner("data-lake", "Data"),
            new Owner("logging", "Data"),
            new Owner("metrics", "Data"),
            new Owner("tracing", "Data"),
            new Owner("experiments", "Data"),
            new Owner("maps", "Mobility"),
            new Owner("geo", "Mobility"),
            new Owner("routing", "Mobility"),
            new Owner("trips", "Mobility"),
            new Owner("support", "Operations"),
            new Owner("fraud", "Operations"),
            new Owner("compliance", "Operations"));
    private static final List<String> INTERACTIVE_PARTS =
            List.of("api", "frontend", "gateway", "edge", "web", "mobile");
    private static final List<String> BATCH_PARTS = List.of("indexer", "pipeline", "worker", "jobs", "training", "etl");
    private static final List<String> IN_MEMORY_PARTS = List.of("cache", "db", "kv", "sessions");
    private static final List<String> STORAGE_PARTS = List.of("store", "archive", "blobs", "backups");

    private final ImmutableList<Service> services;

    private Organization(List<Service> services) {
        this.services = ImmutableList.copyOf(services);
    }

    /** Services in creation order; {@link Service#index()} is the position here. */
    public ImmutableList<Service> services() {
        return services;
    }

    /** Team names in first-appearance order. */
    public ImmutableList<String> teams() {
        Set<String> teams = new LinkedHashSet<>();
        services.forEach(service -> teams.add(service.team()));
        return ImmutableList.copyOf(teams);
    }

    /** The number of services for a fleet of {@code servers}. */
    public static int serviceCount(int servers) {
        return (int) Math.max(8, Math.min(400, Math.round(30 * Math.sqrt(servers / 2000.0))));
    }

    /**
     * The organisation of a fleet of {@code servers}; services needing a cluster family not in {@code families} are
     * not created.
     */
    public static Organization build(int servers, Set<Family> families, RandomStream random) {
        requireNonNull(families, "families is null");
        checkArgument(families.contains(Family.COMPUTE), "a fleet needs compute clusters");
        int count = serviceCount(servers);
        int storage = families.contains(Family.STORAGE) ? Math.max(1, (int) Math.round(count * 0.12)) : 0;
        int inMemory = families.contains(Family.MEMORY) ? Math.max(1, (int) Math.round(count * 0.15)) : 0;
        int batch = Math.max(1, (int) Math.round(count * 0.28));
        int interactive = count - storage - inMemory - batch;

        List<Owner> teams = new ArrayList<>(TEAMS);
        for (int i = teams.size() - 1; i > 0; i--) {
            Collections.swap(teams, i, random.integer(0, i));
        }
        int teamCount = (int) Math.max(3, Math.min(TEAMS.size(), Math.round(count / 2.4)));
        teams = teams.subList(0, teamCount);

        List<Workload> slots = new ArrayList<>();
        addSlots(slots, Workload.INTERACTIVE, interactive);
        addSlots(slots, Workload.BATCH, batch);
        addSlots(slots, Workload.IN_MEMORY, inMemory);
        addSlots(slots, Workload.STORAGE, storage);

        Set<String> names = new LinkedHashSet<>();
        List<Service> services = new ArrayList<>();
        int cursor = 0;
        for (Workload workload : slots) {
            String name = null;
            Owner owner = teams.get(cursor % teams.size());
            for (int step = 0; step < teams.size() && name == null; step++) {
                Owner candidateOwner = teams.get((cursor + step) % teams.size());
                for (String part : parts(workload)) {
                    String candidate = candidateOwner.team() + "-" + part;
                    if (!names.contains(candidate)) {
                        name = candidate;
                        owner = candidateOwner;
                        cursor += step;
                        break;
                    }
                }
            }
            cursor++;
            if (name == null) {
                // More services of this workload than names: number the next one.
                name = owner.team() + "-" + parts(workload).get(0) + "-" + (services.size() + 1);
            }
            names.add(name);
            services.add(
                    new Service(services.size(), name, owner.team(), owner.org(), tier(workload, random), workload));
        }
        return new Organization(services);
    }

    private static void addSlots(List<Workload> slots, Workload workload, int count) {
        for (int i = 0; i < count; i++) {
            slots.add(workload);
        }
    }

    private static List<String> parts(Workload workload) {
        return switch (workload) {
            case INTERACTIVE -> INTERACTIVE_PARTS;
            case BATCH -> BATCH_PARTS;
            case IN_MEMORY -> IN_MEMORY_PARTS;
            case STORAGE -> STORAGE_PARTS;
        };
    }

    private static String tier(Workload workload, RandomStream random) {
        return switch (workload) {
            case INTERACTIVE -> random.chance(0.6) ? "critical" : "standard";
            case BATCH -> "batch";
            case IN_MEMORY -> "critical";
            case STORAGE -> "standard";
        };
    }

    private record Owner(String team, String org) {}
}
