package io.fleetcast.store.plan;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;

/**
 * What a run was fitted with besides its series' values: the events and drivers used as regressors and the driver
 * scenarios applied. A series is refitted when its inputs' fingerprint changes.
 *
 * @param fingerprint a digest of every regressor's values over the history and horizon; empty for none
 * @param regressors the regressors' names, e.g. {@code event:Black Friday}, {@code driver:daily_active_users}
 * @param scenarios the driver scenarios, for people, e.g. {@code daily_active_users +20% by 2027-06-01}
 */
public record RunInputs(String fingerprint, ImmutableList<String> regressors, ImmutableList<String> scenarios) {
    /** No regressors and no scenarios. */
    public static final RunInputs NONE = new RunInputs("", ImmutableList.of(), ImmutableList.of());

    public RunInputs {
        requireNonNull(fingerprint, "fingerprint is null");
        requireNonNull(regressors, "regressors is null");
        requireNonNull(scenarios, "scenarios is null");
    }
}
