package io.runledger.domain.apikey;

import java.util.List;
import java.util.UUID;

import io.runledger.domain.org.Role;
import io.runledger.domain.shared.InvalidCommand;
import io.runledger.domain.shared.Verdicts;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
    private static final UUID KEY = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID ORG = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    private final FixtureConfiguration<ApiKey> fixture = new AggregateTestFixture<>(ApiKey.class);
    private final Verdicts<ApiKey> verdict = new Verdicts<>(fixture);

    private static IssueApiKey issue(String name, Role role) {
        return new IssueApiKey(ORG, KEY, name, role, "digest", "rlk_Ab3d", ADMIN);
    }

    private static ApiKeyIssued issued() {
        return new ApiKeyIssued(ORG, KEY, "CI pipeline", Role.DEVELOPER, "digest", "rlk_Ab3d", ADMIN);
    }

    @Test
    void an_admin_issues_a_named_key_with_a_role() {
        fixture.givenNoPriorActivity()
                .when(issue(" CI pipeline ", Role.DEVELOPER))
                .expectEvents(issued());
    }

    @Test
    void a_key_cannot_be_an_owner() {
        verdict.refused(List.of(), issue("root", Role.OWNER), InvalidCommand.class);
    }

    @Test
    void a_key_needs_a_name() {
        fixture.givenNoPriorActivity().when(issue(" ", Role.VIEWER)).expectException(InvalidCommand.class);
    }

    @Test
    void a_key_needs_a_role() {
        fixture.givenNoPriorActivity().when(issue("dashboards", null)).expectException(InvalidCommand.class);
    }

    @Test
    void a_revoked_key_is_revoked_once() {
        fixture.given(issued()).when(new RevokeApiKey(KEY)).expectEvents(new ApiKeyRevoked(ORG, KEY));
    }

    @Test
    void revoking_a_revoked_key_again_changes_nothing() {
        verdict.changesNothing(List.of(issued(), new ApiKeyRevoked(ORG, KEY)), new RevokeApiKey(KEY));
    }
}
