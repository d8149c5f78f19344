package io.runledger.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An org's activity: the system log for every member and, for owners and admins (whom alone the API lets read it),
 * the audit trail with the result of verifying its hash chain (docs/audit.md).
 */
@Controller
record ActivityPages(ConsoleApi api, Frame frame) {

    private static final int AUDIT_PAGE = 25;

    @GetMapping("/orgs/{orgId}/activity")
    String activity(
            @PathVariable UUID orgId,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String cursor,
            HttpServletRequest request,
            Model model) {
        return page(orgId, frame.token(request), severity, action, cursor, model);
    }

    /**
     * Recomputes the chain (a read, but a {@code POST} in the API: it may take a while). The page asks for it as
     * soon as it is shown (htmx) and puts the answer in place; without scripts the button shows the whole page.
     */
    @PostMapping("/orgs/{orgId}/activity/verification")
    String verify(
            @PathVariable UUID orgId,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletRequest request,
            Model model) {
        String token = frame.token(request);
        model.addAttribute(
                "verification",
                api.send(HttpMethod.POST, token, ConsoleApi.path("/v1/orgs/{orgId}/audit/verify", orgId), null, null));
        return htmx == null ? page(orgId, token, null, null, null, model) : "activity :: verification";
    }

    private String page(UUID orgId, String token, String severity, String action, String cursor, Model model) {
        frame.fill(model, token, orgId.toString(), "activity");
        model.addAttribute(
                "entries",
                api.items(
                        token,
                        ConsoleApi.query(
                                ConsoleApi.path("/v1/orgs/{orgId}/system-logs", orgId),
                                "limit",
                                "100",
                                "severity",
                                severity)));
        model.addAttribute("severity", severity);
        if (Boolean.TRUE.equals(model.getAttribute("canManage"))) {
            Map<String, Object> audit = api.get(
                    token,
                    ConsoleApi.query(
                            ConsoleApi.path("/v1/orgs/{orgId}/audit-events", orgId),
                            "limit",
                            String.valueOf(AUDIT_PAGE),
                            "action",
                            action,
                            "cursor",
                            cursor));
            model.addAttribute("audit", audit.getOrDefault("items", List.of()));
            model.addAttribute("auditNextCursor", audit.get("nextCursor"));
            model.addAttribute("action", action);
        }
        return "activity";
    }
}
