package io.runledger.console;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * For platform admins: the read models' health with their replays and dead letters, the actions that repair them
 * (docs/dead-letters.md), and a month's billing reconciliation. Anyone else gets the API's refusal as the page.
 */
@Controller
record OperatorPages(ConsoleApi api, Frame frame) {

    @GetMapping("/operators")
    String operators(@RequestParam(required = false) String month, HttpServletRequest request, Model model) {
        String token = frame.token(request);
        frame.fill(model, token, null, "operators");
        List<Map<String, Object>> projections = api.items(token, "/v1/admin/projections");
        List<Map<String, Object>> deadLetters = new ArrayList<>();
        projections.stream()
                .filter(projection -> ((Number) projection.get("deadLetters")).longValue() > 0)
                .forEach(projection -> api.items(
                                token,
                                ConsoleApi.path("/v1/admin/projections/{name}/dead-letters", projection.get("name")))
                        .forEach(parked -> {
                            Map<String, Object> row = new LinkedHashMap<>(parked);
                            row.put("processor", projection.get("name"));
                            deadLetters.add(row);
                        }));
        model.addAttribute("projections", projections);
        model.addAttribute("deadLetters", deadLetters);
        YearMonth chosen = month(month);
        model.addAttribute("month", chosen.toString());
        model.addAttribute("report", api.get(token, reconciliation(chosen, "json")));
        return "operators";
    }

    /** Empties the read model and rebuilds it from the store; its progress shows on the page. */
    @PostMapping("/operators/projections/{name}/replay")
    String replay(@PathVariable String name, HttpServletRequest request, RedirectAttributes flash) {
        return act(
                request,
                flash,
                HttpMethod.POST,
                ConsoleApi.path("/v1/admin/projections/{name}/replay", name),
                started -> "Replay of " + name + " started: it catches up while the service serves");
    }

    @PostMapping("/operators/projections/{name}/dead-letters/retry")
    String retry(
            @PathVariable String name,
            @RequestParam(required = false) String orgId,
            HttpServletRequest request,
            RedirectAttributes flash) {
        return act(
                request,
                flash,
                HttpMethod.POST,
                ConsoleApi.query(
                        ConsoleApi.path("/v1/admin/projections/{name}/dead-letters/retry", name), "orgId", orgId),
                outcome -> "Retried " + outcome.get("retried") + " in " + name + ": " + outcome.get("succeeded")
                        + " caught up, " + outcome.get("stillParked") + " events still parked");
    }

    @PostMapping("/operators/projections/{name}/dead-letters/{sequenceId}/evict")
    String evict(
            @PathVariable String name,
            @PathVariable String sequenceId,
            @RequestParam String reason,
            HttpServletRequest request,
            RedirectAttributes flash) {
        return act(
                request,
                flash,
                HttpMethod.DELETE,
                ConsoleApi.query(
                        ConsoleApi.path("/v1/admin/projections/{name}/dead-letters/{sequenceId}", name, sequenceId),
                        "reason",
                        reason),
                evicted -> "Evicted " + evicted.get("evicted") + " events of " + sequenceId + " from " + name
                        + " (recorded in its system log)");
    }

    /**
     * An action of the API on {@code path}, and the page again with the {@code notice} made of its answer, or why the
     * API refused it (no session still signs in).
     */
    private String act(
            HttpServletRequest request,
            RedirectAttributes flash,
            HttpMethod method,
            String path,
            Function<Map<String, Object>, String> notice) {
        try {
            flash.addFlashAttribute("notice", notice.apply(api.send(method, frame.token(request), path)));
        } catch (ApiProblem refused) {
            if (refused.status() == 401) {
                throw refused;
            }
            flash.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/operators";
    }

    @GetMapping("/operators/reconciliation.csv")
    ResponseEntity<byte[]> csv(@RequestParam String month, HttpServletRequest request) {
        YearMonth chosen = month(month);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reconciliation-" + chosen + ".csv\"")
                .body(api.bytes(frame.token(request), reconciliation(chosen, "csv")));
    }

    private static String reconciliation(YearMonth month, String format) {
        return ConsoleApi.path(
                "/v1/admin/billing/reconciliation?from={from}&to={to}&format={format}",
                month.atDay(1).toString(),
                month.plusMonths(1).atDay(1).toString(),
                format);
    }

    private static YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(ZoneOffset.UTC);
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException notAMonth) {
            throw new ApiProblem(400, Map.of("detail", "A month is written like 2026-11"));
        }
    }
}
