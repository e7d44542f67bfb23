package io.fleetcast.simulator.internal.cost;

import static java.util.Objects.requireNonNull;

import io.fleetcast.simulator.internal.csv.CsvField;
import io.fleetcast.simulator.internal.demand.Placement;

/**
 * The constant FOCUS columns of one service's lines in one cluster.
 *
 * @param placement the service in the cluster
 * @param team index of the owning team
 * @param resourceId ResourceId
 * @param resourceName ResourceName
 * @param tags Tags when tagged
 * @param subAccountId SubAccountId when tagged
 * @param subAccountName SubAccountName when tagged
 * @param untaggedUntil lines before this epoch day are untagged (a tagging policy caught up with them)
 * @param alwaysTagged whether random untagging is skipped (injected anomalies must show on their team)
 */
record PairFields(
        Placement placement,
        int team,
        CsvField resourceId,
        CsvField resourceName,
        CsvField tags,
        CsvField subAccountId,
        CsvField subAccountName,
        int untaggedUntil,
        boolean alwaysTagged) {
    PairFields {
        requireNonNull(placement, "placement is null");
        requireNonNull(resourceId, "resourceId is null");
        requireNonNull(resourceName, "resourceName is null");
        requireNonNull(tags, "tags is null");
        requireNonNull(subAccountId, "subAccountId is null");
        requireNonNull(subAccountName, "subAccountName is null");
    }
}
