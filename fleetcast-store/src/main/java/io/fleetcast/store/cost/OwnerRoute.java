package io.fleetcast.store.cost;

/** How a cost line found its team. */
public enum OwnerRoute {
    /** One of the team tags names the team. */
    TEAM_TAG,
    /** No team tag; the service tag names a service of the ownership mapping. */
    SERVICE_TAG,
    /** No team or service tag; the line's ResourceName is a service of the ownership mapping. */
    RESOURCE_NAME,
    /** No owner found: untagged spend. */
    NONE;

    /** The route as reports name it, e.g. {@code "service tag"}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
