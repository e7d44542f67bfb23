package io.fleetcast.server.api;

import com.google.common.collect.ImmutableSortedSet;
import io.fleetcast.server.auth.AccessDecision;
import io.fleetcast.server.auth.AccessDeniedException;
import io.fleetcast.server.auth.Principal;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The teams whose data a request is answered with: the ones it asks for, within the ones its {@link Principal} may see.
 * Asking for a team the principal may not see is refused (HTTP 403) rather than answered with less, so a request never
 * silently means something else than it says.
 */
final class TeamScope {
    private TeamScope() {}

    /**
     * The teams to show.
     *
     * @param principal who asks
     * @param requested the teams asked for; empty for "all I may see"
     * @return {@code null} (every team) for a principal that sees all teams and asks for none; the teams asked for; or,
     *     for a principal that sees only some teams and asks for none, those teams
     * @throws AccessDeniedException (403) naming the first team asked for that the principal may not see
     */
    static @Nullable Set<String> of(Principal principal, List<String> requested) {
        for (String team : requested) {
            if (!principal.canSee(team)) {
                throw new AccessDeniedException(
                        AccessDecision.Reason.FORBIDDEN,
                        "you (" + principal.name() + ") may not see team \"" + team + "\"; you may see "
                                + (principal.teams().isEmpty() ? "no team" : String.join(", ", principal.teams())));
            }
        }
        if (!requested.isEmpty()) {
            return ImmutableSortedSet.copyOf(requested);
        }
        return principal.allTeams() ? null : principal.teams();
    }
}
