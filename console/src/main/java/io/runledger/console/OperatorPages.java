package io.runledger.console;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** For platform admins: the read models' health and a month's billing reconciliation. */
@Controller
class OperatorPages {

    private final ConsoleApi api;
    private final Frame frame;

    OperatorPages(ConsoleApi api, Frame frame) {
        this.api = api;
        this.frame = frame;
    }

    @GetMapping("/operators")
    String operators(@RequestParam(required = false) String month, HttpServletRequest request, Model model) {
        String token = frame.token(request);
        frame.fill(model, token, null, "operators");
        model.addAttribute("projections", api.items(token, "/v1/admin/projections"));
        YearMonth chosen = month(month);
        model.addAttribute("month", chosen.toString());
        model.addAttribute("report", api.get(token, reconciliation(chosen, "json")));
        return "operators";
    }

    @GetMapping("/operators/reconciliation.csv")
    ResponseEntity<byte[]> csv(@RequestParam String month, HttpServletRequest request) {
        YearMonth chosen = month(month);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reconciliation-" + chosen + ".csv\"")
                .body(api.bytes(frame.token(request), reconciliation(chosen, "csv")));
    }

    private static String reconciliation(YearMonth month, String format) {
        return ConsoleApi.path("/v1/admin/billing/reconciliation?from={from}&to={to}&format={format}",
                month.atDay(1).toString(), month.plusMonths(1).atDay(1).toString(), format);
    }

    private static YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(java.time.ZoneOffset.UTC);
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException notAMonth) {
            throw new ApiProblem(400, java.util.Map.of("detail", "A month is written like 2026-11"));
        }
    }
}
