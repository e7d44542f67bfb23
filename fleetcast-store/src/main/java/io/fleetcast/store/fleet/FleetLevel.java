package io.fleetcast.store.fleet;

import java.util.Optional;

/** A level of the fleet's hierarchy, from the whole fleet down to one service. Declaration order is drill order. */
public enum FleetLevel {
    FLEET("fleet"),
    REGION("region"),
    SITE("site"),
    CLUSTER("cluster"),
    /** Services share clusters: they own no servers, only usage and allocation. */
    SERVICE("service");

    private final String code;

    FleetLevel(String code) {
        this.code = code;
    }

    /** The name used in the API and URLs: {@code fleet}, {@code region}, ... */
    public String code() {
        return code;
    }

    /** The level one drill step below this one; empty for {@link #SERVICE}, the deepest. */
    public Optional<FleetLevel> next() {
        return switch (this) {
            case FLEET -> Optional.of(REGION);
            case REGION -> Optional.of(SITE);
            case SITE -> Optional.of(CLUSTER);
            case CLUSTER -> Optional.of(SERVICE);
            case SERVICE -> Optional.empty();
        };
    }
}
