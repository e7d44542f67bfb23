package io.fleetcast.server.auth;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Set;

/**
 * Who makes a request, and which teams' data they may see.
 *
 * @param name the user's name, as the policy knows it
 * @param allTeams whether the principal sees every team's data (then {@code teams} is empty)
 * @param teams the teams whose data the principal sees, when not all; sorted
 */
public record Principal(String name, boolean allTeams, Set<String> teams) {
    /** The user of a server bound to this machine, who sees everything. */
    public static final Principal LOCAL_USER = new Principal("local", true, Set.of());

    public Principal {
        requireNonNull(name, "name is null");
        checkArgument(!name.isBlank(), "name must not be blank");
        teams = ImmutableSortedSet.copyOf(requireNonNull(teams, "teams is null"));
        checkArgument(!allTeams || teams.isEmpty(), "a principal that sees all teams lists none, got %s", teams);
    }

    /** Whether this principal may see {@code team}'s data. */
    public boolean canSee(String team) {
        return allTeams || teams.contains(team);
    }
}
