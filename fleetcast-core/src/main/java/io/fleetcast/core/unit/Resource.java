package io.fleetcast.core.unit;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A capacity resource and its canonical unit. Everything Fleetcast stores and computes is in the canonical unit:
 * cpu in cores, memory in GiB (2^30 bytes), storage in TB (10^12 bytes, as drive vendors count).
 */
public enum Resource {
    CPU(
            "cpu",
            "cores",
            ImmutableMap.<String, Double>builder()
                    .put("cores", 1.0)
                    .put("core", 1.0)
                    .put("vcpu", 1.0)
                    .put("vcpus", 1.0)
                    .put("millicores", 1e-3)
                    .put("m", 1e-3)
                    .buildOrThrow()),
    MEMORY(
            "memory",
            "GiB",
            ImmutableMap.<String, Double>builder()
                    .put("gib", 1.0)
                    .put("mib", 1.0 / 1024)
                    .put("tib", 1024.0)
                    .put("gb", 1e9 / (1L << 30))
                    .put("mb", 1e6 / (1L << 30))
                    .put("tb", 1e12 / (1L << 30))
                    .buildOrThrow()),
    STORAGE(
            "storage",
            "TB",
            ImmutableMap.<String, Double>builder()
                    .put("tb", 1.0)
                    .put("gb", 1e-3)
                    .put("pb", 1e3)
                    .put("tib", (double) (1L << 40) / 1e12)
                    .put("gib", (double) (1L << 30) / 1e12)
                    .put("pib", (double) (1L << 50) / 1e12)
                    .buildOrThrow());

    private final String code;
    private final String canonicalUnit;
    private final ImmutableMap<String, Double> factors;

    Resource(String code, String canonicalUnit, ImmutableMap<String, Double> factors) {
        this.code = code;
        this.canonicalUnit = canonicalUnit;
        this.factors = factors;
    }

    /** The name used in files and the API: {@code cpu}, {@code memory}, {@code storage}. */
    public String code() {
        return code;
    }

    /** The unit every stored quantity of this resource is in: {@code cores}, {@code GiB} or {@code TB}. */
    public String canonicalUnit() {
        return canonicalUnit;
    }

    /** The units accepted in input for this resource, lower case, canonical first. */
    public ImmutableMap<String, Double> acceptedUnits() {
        return factors;
    }

    /**
     * The factor that turns a quantity in {@code unit} into the canonical unit (e.g. 1/1024 for MiB of memory), or
     * empty when the unit is not one of this resource's. Case-insensitive.
     */
    public OptionalDouble toCanonical(String unit) {
        Double factor = factors.get(unit.trim().toLowerCase(Locale.ROOT));
        return factor == null ? OptionalDouble.empty() : OptionalDouble.of(factor);
    }

    /** The resource named {@code code} ({@code cpu}, {@code memory}, {@code storage}; case-insensitive). */
    public static Optional<Resource> parse(String code) {
        requireNonNull(code, "code is null");
        for (Resource resource : values()) {
            if (resource.code.equalsIgnoreCase(code.trim())) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }
}
