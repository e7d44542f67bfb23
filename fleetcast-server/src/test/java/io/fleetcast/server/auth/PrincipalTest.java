package io.fleetcast.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalTest {

    @Test
    void theLocalUserSeesEveryTeam() {
        assertThat(Principal.LOCAL_USER.canSee("payments")).isTrue();
        assertThat(new AllowAll().decide(new AccessRequest("GET", "/api/health", Map.of(), "127.0.0.1")))
                .isEqualTo(new AccessDecision.Allow(Principal.LOCAL_USER));
    }

    @Test
    void aScopedPrincipalSeesOnlyItsTeams() {
        Principal analyst = new Principal("ana", false, Set.of("search", "payments"));

        assertThat(analyst.canSee("payments")).isTrue();
        assertThat(analyst.canSee("billing")).isFalse();
        assertThat(analyst.teams()).containsExactly("payments", "search");
    }

    @Test
    void aPrincipalThatSeesAllTeamsListsNone() {
        assertThatThrownBy(() -> new Principal("root", true, Set.of("payments")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a principal that sees all teams lists none, got [payments]");
    }

    @Test
    void requestHeadersAreFoundWhateverTheirCase() {
        AccessRequest request =
                new AccessRequest("GET", "/api/health", Map.of("Authorization", "Bearer x"), "127.0.0.1");

        assertThat(request.header("authorization")).contains("Bearer x");
        assertThat(request.header("AUTHORIZATION")).contains("Bearer x");
        assertThat(request.header("cookie")).isEmpty();
    }

    @Test
    void aRefusalAnswers401Or403() {
        assertThat(new AccessDeniedException(AccessDecision.Reason.UNAUTHENTICATED, "x").httpStatus())
                .isEqualTo(401);
        assertThat(new AccessDeniedException(AccessDecision.Reason.FORBIDDEN, "x").httpStatus())
                .isEqualTo(403);
    }
}
