package io.runledger.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of an org's work: runs, usage and plan, projects and generations. */
@Controller
class ConsolePages {

    private static final Set<String> FINISHED = Set.of("succeeded", "failed");
    /** Browsers open about six connections per host: a few live rows, the rest on the next visit. */
    private static final int LIVE_ROWS = 4;

    private static final Duration READABLE_WITHIN = Duration.ofSeconds(5);

    private final ConsoleApi api;
    private final Frame frame;
    private final ObjectMapper json;
    private final boolean stripe;

    ConsolePages(
            ConsoleApi api, Frame frame, ObjectMapper json, @Value("${runledger.stripe.api-key:}") String stripeKey) {
        this.api = api;
        this.frame = frame;
        this.json = json;
        this.stripe = !stripeKey.isBlank();
    }

    @GetMapping("/")
    String home(HttpServletRequest request, Model model) {
        String token = frame.token(request);
        frame.fill(model, token, null, "home");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> orgs = (List<Map<String, Object>>) model.getAttribute("orgs");
        if (orgs == null || orgs.isEmpty()) {
            return "welcome";
        }
        return "redirect:/orgs/" + orgs.get(0).get("id") + "/runs";
    }

    @PostMapping("/orgs")
    String createOrg(@RequestParam String name, HttpServletRequest request, RedirectAttributes flash) {
        String token = frame.token(request);
        Map<String, Object> org = api.send(HttpMethod.POST, token, "/v1/orgs", Map.of("name", name), null);
        awaitReadable(token, ConsoleApi.path("/v1/orgs/{orgId}", org.get("id")));
        flash.addFlashAttribute("notice", "Created " + org.get("name") + "; its 14-day free trial has started");
        return "redirect:/orgs/" + org.get("id") + "/runs";
    }

    /**
     * Pages read the read models, which follow a command within moments: what the person just created is shown
     * once it can be read (or after a few seconds, with the API's "not readable yet" if it still cannot).
     */
    private void awaitReadable(String token, String path) {
        long giveUpAt = System.nanoTime() + READABLE_WITHIN.toNanos();
        while (System.nanoTime() < giveUpAt) {
            try {
                api.get(token, path);
                return;
            } catch (ApiProblem notYet) {
                if (notYet.status() != 404) {
                    throw notYet;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The runs page's filters as its form sends them; {@code to} is the last day shown. */
    record RunFilters(String status, String pattern, String from, String to) {}

    @GetMapping("/orgs/{orgId}/runs")
    String runs(
            @PathVariable UUID orgId,
            @ModelAttribute("filters") RunFilters filters,
            @RequestParam(required = false) String cursor,
            HttpServletRequest request,
            Model model) {
        String token = frame.token(request);
        frame.fill(model, token, orgId.toString(), "runs");
        Map<String, Object> page = api.get(
                token,
                ConsoleApi.query(
                        ConsoleApi.path("/v1/orgs/{orgId}/runs", orgId),
                        "limit",
                        "25",
                        "status",
                        filters.status(),
                        "pattern",
                        filters.pattern(),
                        "from",
                        filters.from(),
                        "to",
                        throughDay(filters.to()),
                        "cursor",
                        cursor));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> runs = (List<Map<String, Object>>) page.getOrDefault("items", List.of());
        List<Object> live = new ArrayList<>();
        runs.stream()
                .filter(run -> !FINISHED.contains(run.get("status")))
                .limit(LIVE_ROWS)
                .forEach(run -> live.add(run.get("id")));
        model.addAttribute("runs", runs);
        model.addAttribute("live", live);
        model.addAttribute("nextCursor", page.get("nextCursor"));
        model.addAttribute("patterns", api.items(token, "/v1/patterns?active=true"));
        model.addAttribute("idempotencyKey", UUID.randomUUID());
        return "runs";
    }

    /** The form carries an idempotency key made when it was shown: sending it twice queues one run. */
    @PostMapping("/orgs/{orgId}/runs")
    String queueRun(
            @PathVariable UUID orgId,
            @RequestParam String pattern,
            @RequestParam String input,
            @RequestParam String idempotencyKey,
            HttpServletRequest request,
            RedirectAttributes flash) {
        String token = frame.token(request);
        Map<String, Object> run = api.send(
                HttpMethod.POST,
                token,
                ConsoleApi.path("/v1/orgs/{orgId}/runs", orgId),
                Map.of("pattern", pattern, "inputSource", "text", "input", input),
                idempotencyKey);
        awaitReadable(token, ConsoleApi.path("/v1/orgs/{orgId}/runs/{runId}", orgId, run.get("id")));
        flash.addFlashAttribute("notice", "Queued a " + pattern + " run");
        return "redirect:/orgs/" + orgId + "/runs/" + run.get("id");
    }

    @GetMapping("/orgs/{orgId}/runs/{runId}")
    String run(@PathVariable UUID orgId, @PathVariable UUID runId, HttpServletRequest request, Model model) {
        String token = frame.token(request);
        frame.fill(model, token, orgId.toString(), "runs");
        Map<String, Object> run = api.get(token, ConsoleApi.path("/v1/orgs/{orgId}/runs/{runId}", orgId, runId));
        model.addAttribute("run", run);
        model.addAttribute("live", FINISHED.contains(run.get("status")) ? List.of() : List.of(runId.toString()));
        return "run";
    }

    @GetMapping("/orgs/{orgId}/usage")
    String usage(
            @PathVariable UUID orgId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletRequest request,
            Model model)
            throws JsonProcessingException {
        String token = frame.token(request);
        frame.fill(model, token, orgId.toString(), "usage");
        Map<String, Object> usage = api.get(
                token,
                ConsoleApi.query(ConsoleApi.path("/v1/orgs/{orgId}/usage", orgId), "from", from, "to", throughDay(to)));
        model.addAttribute("usage", usage);
        model.addAttribute("byDayJson", json.writeValueAsString(usage.getOrDefault("byDay", List.of())));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("stripe", stripe);
        return "usage";
    }

    /** Owners buy a plan or manage their subscription on Stripe's own pages. */
    @PostMapping("/orgs/{orgId}/billing/{page}")
    String billing(
            @PathVariable UUID orgId,
            @PathVariable String page,
            @RequestParam(required = false) String plan,
            HttpServletRequest request) {
        if (!page.equals("checkout") && !page.equals("portal")) {
            throw new ApiProblem(404, Map.of("detail", "No such billing page"));
        }
        Map<String, Object> body = plan == null ? Map.of() : Map.of("plan", plan);
        Map<String, Object> stripePage = api.send(
                HttpMethod.POST,
                frame.token(request),
                ConsoleApi.path("/v1/orgs/{orgId}/billing/{page}", orgId, page),
                body,
                null);
        return "redirect:" + stripePage.get("url");
    }

    @GetMapping("/orgs/{orgId}/projects")
    String projects(@PathVariable UUID orgId, HttpServletRequest request, Model model) {
        String token = frame.token(request);
        frame.fill(model, token, orgId.toString(), "projects");
        model.addAttribute("projects", api.items(token, ConsoleApi.path("/v1/orgs/{orgId}/projects?limit=50", orgId)));
        Map<Object, List<Map<String, Object>>> generations = new LinkedHashMap<>();
        api.items(token, ConsoleApi.path("/v1/orgs/{orgId}/generations?limit=100", orgId))
                .forEach(generation -> {
                    Map<String, Object> shown = new LinkedHashMap<>(generation);
                    shown.put("stages", stages(generation));
                    generations
                            .computeIfAbsent(generation.get("projectId"), project -> new ArrayList<>())
                            .add(shown);
                });
        model.addAttribute("generations", generations);
        return "projects";
    }

    /**
     * A generation's stages as far as it got, each with when it began and how long after the one before: queued,
     * audio analysis (started), visual plan (analysis recorded), plan recorded, rendering, and how it finished.
     */
    private static List<Map<String, Object>> stages(Map<String, Object> generation) {
        Map<String, String> began = new LinkedHashMap<>();
        began.put("queued", "createdAt");
        began.put("audio analysis", "startedAt");
        began.put("visual plan", "analyzedAt");
        began.put("plan recorded", "plannedAt");
        began.put("rendering", "renderingAt");
        began.put(String.valueOf(generation.get("status")), "completedAt");
        List<Map<String, Object>> stages = new ArrayList<>();
        Instant previous = null;
        for (Map.Entry<String, String> stage : began.entrySet()) {
            Instant at = instant(generation.get(stage.getValue()));
            if (at != null) {
                stages.add(stage(stage.getKey(), at, previous));
                previous = at;
            }
        }
        return stages;
    }

    private static Map<String, Object> stage(String name, Instant at, Instant previous) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("name", name);
        stage.put("at", at.toString());
        stage.put(
                "seconds",
                previous == null ? null : Duration.between(previous, at).toSeconds());
        return stage;
    }

    private static Instant instant(Object text) {
        return text == null ? null : Instant.parse(text.toString());
    }

    /** The pages' "to" date includes its day; the API's {@code to} is where the range ends, exclusive. */
    private static String throughDay(String to) {
        try {
            return to == null || to.isBlank()
                    ? null
                    : LocalDate.parse(to).plusDays(1).toString();
        } catch (DateTimeParseException notADate) {
            return to; // an instant, or nonsense the API explains
        }
    }
}
