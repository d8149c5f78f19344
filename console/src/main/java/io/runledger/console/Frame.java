package io.runledger.console;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every page shows around its content: the person, their orgs (the switcher), the org at hand and their role
 * in it, from which the page leaves out the buttons the role cannot use (the API refuses them anyway).
 */
@Component
record Frame(ConsoleApi api, ConsoleSession session) {

    private static final Set<String> WRITERS = Set.of("owner", "admin", "developer");
    private static final Set<String> MANAGERS = Set.of("owner", "admin");

    /** The person's token; none (or one the API refuses) sends them to the sign-in page, see {@link ConsoleErrors}. */
    String token(HttpServletRequest request) {
        return session.token(request).orElseThrow(SignInNeeded::new);
    }

    /** Fills the frame for a page of {@code orgId} (null for pages of no org) and answers the person's role in it. */
    String fill(Model model, String token, String orgId, String section) {
        Map<String, Object> claims = session.claims(token);
        List<Map<String, Object>> orgs = api.items(token, "/v1/orgs");
        model.addAttribute("me", claims);
        model.addAttribute("orgs", orgs);
        model.addAttribute("section", section);
        String role = null;
        if (orgId != null) {
            Map<String, Object> org = orgs.stream()
                    .filter(candidate -> orgId.equals(candidate.get("id")))
                    .findFirst()
                    .orElseGet(() -> api.get(token, ConsoleApi.path("/v1/orgs/{orgId}", orgId)));
            model.addAttribute("org", org);
            role = api.items(token, ConsoleApi.path("/v1/orgs/{orgId}/members", orgId)).stream()
                    .filter(member -> Objects.equals(member.get("email"), claims.get("email")))
                    .map(member -> (String) member.get("role"))
                    .findFirst()
                    .orElse("viewer");
        }
        model.addAttribute("role", role);
        model.addAttribute("canWrite", role != null && WRITERS.contains(role));
        model.addAttribute("canManage", role != null && MANAGERS.contains(role));
        model.addAttribute("isOwner", "owner".equals(role));
        model.addAttribute("isOperator", operates(token));
        return role;
    }

    /**
     * Whether the person operates the platform, asked of the API: the reconciliation checks that first, so without
     * its required period it answers 400 to an operator and 403 to anyone else, and computes nothing.
     */
    private boolean operates(String token) {
        try {
            api.get(token, "/v1/admin/billing/reconciliation");
            return true;
        } catch (ApiProblem answer) {
            return answer.status() == 400;
        }
    }

    /** The person got here without a session, or with one the API no longer accepts. */
    static class SignInNeeded extends RuntimeException {
        SignInNeeded() {
            super("Sign in to use the console");
        }
    }
}
