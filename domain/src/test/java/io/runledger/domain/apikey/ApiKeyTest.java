package io.runledger.domain.apikey;

import static io.runledger.domain.shared.TestTenant.ORG;
import static io.runledger.domain.shared.TestTenant.USER;
import static io.runledger.domain.shared.Verdicts.Refusal.invalid;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.runledger.domain.org.Role;
import io.runledger.domain.shared.Verdicts;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ApiKeyTest {
    private static final UUID KEY = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    private final FixtureConfiguration<ApiKey> fixture = new AggregateTestFixture<>(ApiKey.class);
    private final Verdicts<ApiKey> verdict = new Verdicts<>(fixture);

    private static IssueApiKey issue(String name, Role role) {
        return new IssueApiKey(ORG, KEY, name, role, "digest", "rlk_Ab3d", USER);
    }

    private static ApiKeyIssued issued() {
        return new ApiKeyIssued(ORG, KEY, "CI pipeline", Role.DEVELOPER, "digest", "rlk_Ab3d", USER);
    }

    @Test
    void an_admin_issues_a_named_key_with_a_role() {
        fixture.givenNoPriorActivity()
                .when(issue(" CI pipeline ", Role.DEVELOPER))
                .expectEvents(issued());
    }

    @TestFactory
    Stream<DynamicTest> a_key_needs_a_name_and_a_role_below_owner() {
        return verdict.refuseEach(
                invalid(
                        List.of(),
                        issue(" ", Role.VIEWER),
                        "An API key needs a name, so people can tell it from their others"),
                // ownership (billing, deleting the org, making owners) stays with people
                invalid(List.of(), issue("root", Role.OWNER), "An API key carries the role admin, developer or viewer"),
                invalid(
                        List.of(),
                        issue("dashboards", null),
                        "An API key carries the role admin, developer or viewer"));
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
