package io.runledger.console;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Members, invitations and API keys of an org. */
@Controller
record MemberPages(ConsoleApi api, Frame frame) {

    @GetMapping("/orgs/{orgId}/members")
    String members(@PathVariable UUID orgId, HttpServletRequest request, Model model) {
        return page(orgId, frame.token(request), model);
    }

    private String page(UUID orgId, String token, Model model) {
        frame.fill(model, token, orgId.toString(), "members");
        model.addAttribute("members", api.items(token, ConsoleApi.path("/v1/orgs/{orgId}/members", orgId)));
        model.addAttribute(
                "invitations", api.items(token, ConsoleApi.path("/v1/orgs/{orgId}/invitations?status=pending", orgId)));
        if (Boolean.TRUE.equals(model.getAttribute("canManage"))) {
            model.addAttribute("keys", api.items(token, ConsoleApi.path("/v1/orgs/{orgId}/api-keys", orgId)));
        }
        return "members";
    }

    /** Someone who signed in before is added at once; anyone else gets an invitation for their first sign-in. */
    @PostMapping("/orgs/{orgId}/members")
    String add(
            @PathVariable UUID orgId,
            @RequestParam String email,
            @RequestParam String role,
            HttpServletRequest request,
            RedirectAttributes flash) {
        String token = frame.token(request);
        Map<String, String> person = Map.of("email", email.strip(), "role", role);
        try {
            api.send(HttpMethod.POST, token, ConsoleApi.path("/v1/orgs/{orgId}/members", orgId), person, null);
            return backToMembers(orgId, flash, "Added " + email.strip() + " as " + role);
        } catch (ApiProblem unknown) {
            if (!unknown.kind().equals("unknown-user")) {
                throw unknown;
            }
            api.send(HttpMethod.POST, token, ConsoleApi.path("/v1/orgs/{orgId}/invitations", orgId), person, null);
            return backToMembers(
                    orgId,
                    flash,
                    "Invited " + email.strip() + " as " + role
                            + ": their first sign-in with that email makes them a member");
        }
    }

    @PostMapping("/orgs/{orgId}/members/{userId}/role")
    String changeRole(
            @PathVariable UUID orgId,
            @PathVariable UUID userId,
            @RequestParam String role,
            HttpServletRequest request,
            RedirectAttributes flash) {
        api.send(
                HttpMethod.PATCH,
                frame.token(request),
                ConsoleApi.path("/v1/orgs/{orgId}/members/{userId}", orgId, userId),
                Map.of("role", role),
                null);
        return backToMembers(orgId, flash, "Role changed to " + role);
    }

    @PostMapping("/orgs/{orgId}/members/{userId}/remove")
    String remove(
            @PathVariable UUID orgId, @PathVariable UUID userId, HttpServletRequest request, RedirectAttributes flash) {
        return removed(request, orgId, "members", userId, flash, "Member removed");
    }

    @PostMapping("/orgs/{orgId}/invitations/{invitationId}/revoke")
    String revokeInvitation(
            @PathVariable UUID orgId,
            @PathVariable UUID invitationId,
            HttpServletRequest request,
            RedirectAttributes flash) {
        return removed(request, orgId, "invitations", invitationId, flash, "Invitation revoked");
    }

    /** The secret is shown on this answer only, never put in a redirect or a session. */
    @PostMapping("/orgs/{orgId}/api-keys")
    String createKey(
            @PathVariable UUID orgId,
            @RequestParam String name,
            @RequestParam String role,
            @RequestParam String idempotencyKey,
            HttpServletRequest request,
            Model model) {
        String token = frame.token(request);
        Map<String, Object> key = api.send(
                HttpMethod.POST,
                token,
                ConsoleApi.path("/v1/orgs/{orgId}/api-keys", orgId),
                Map.of("name", name, "role", role),
                idempotencyKey);
        model.addAttribute("newKey", key);
        return page(orgId, token, model);
    }

    @PostMapping("/orgs/{orgId}/api-keys/{keyId}/revoke")
    String revokeKey(
            @PathVariable UUID orgId, @PathVariable UUID keyId, HttpServletRequest request, RedirectAttributes flash) {
        return removed(
                request, orgId, "api-keys", keyId, flash, "API key revoked: requests with it are refused from now on");
    }

    /** Deletes {@code /v1/orgs/{orgId}/{collection}/{id}}: a member, an invitation or an API key of the org. */
    private String removed(
            HttpServletRequest request,
            UUID orgId,
            String collection,
            UUID id,
            RedirectAttributes flash,
            String notice) {
        api.send(
                HttpMethod.DELETE,
                frame.token(request),
                ConsoleApi.path("/v1/orgs/{orgId}/{collection}/{id}", orgId, collection, id));
        return backToMembers(orgId, flash, notice);
    }

    /** After an action, the members page again (a reload does not repeat the action), with what was done. */
    private static String backToMembers(UUID orgId, RedirectAttributes flash, String notice) {
        flash.addFlashAttribute("notice", notice);
        return "redirect:/orgs/" + orgId + "/members";
    }
}
