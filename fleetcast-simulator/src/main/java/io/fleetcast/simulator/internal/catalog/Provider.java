package io.fleetcast.simulator.internal.catalog;

/** Who provides a site's capacity: the company's own datacenters or a public cloud. */
public enum Provider {
    ON_PREMISES("On-Premises", "onprem"),
    AWS("AWS", "aws"),
    GOOGLE_CLOUD("Google Cloud", "gcp");

    private final String displayName;
    private final String prefix;

    Provider(String displayName, String prefix) {
        this.displayName = displayName;
        this.prefix = prefix;
    }

    /** The FOCUS {@code ProviderName}. */
    public String displayName() {
        return displayName;
    }

    /** Short lower-case prefix for identifiers ({@code aws}, {@code gcp}). */
    public String prefix() {
        return prefix;
    }

    public boolean isCloud() {
        return this != ON_PREMISES;
    }
}
