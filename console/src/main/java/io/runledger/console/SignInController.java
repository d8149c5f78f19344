package io.runledger.console;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in with the development issuer (embedded mode): an email and a name, as {@code POST /dev/tokens}
 * takes them. With an OpenID provider configured, the page leads to the provider's own sign-in (Spring Security's
 * authorization-code flow with PKCE, configured in {@code infra}), when the console has a client id there.
 */
@Controller
class SignInController {

    private final ConsoleApi api;
    private final ConsoleSession session;
    private final boolean developmentIssuer;
    private final boolean providerSignIn;

    SignInController(
            ConsoleApi api,
            ConsoleSession session,
            @Value("${runledger.auth.issuer-uri:}") String issuerUri,
            @Value("${runledger.auth.jwk-set-uri:}") String jwkSetUri,
            @Value("${runledger.console.client-id:}") String clientId) {
        this.api = api;
        this.session = session;
        this.developmentIssuer = issuerUri.isBlank() && jwkSetUri.isBlank();
        this.providerSignIn = !issuerUri.isBlank() && !clientId.isBlank();
    }

    @GetMapping("/signin")
    String form(@RequestParam(required = false) String failed, Model model) {
        model.addAttribute("developmentIssuer", developmentIssuer);
        model.addAttribute("providerSignIn", providerSignIn);
        if (failed != null) {
            model.addAttribute("error", "The sign-in at your provider did not complete; try again");
        }
        return "signin";
    }

    @PostMapping("/signin")
    String signIn(
            @RequestParam String email,
            @RequestParam(required = false) String name,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            Map<String, Object> token = api.send(
                    HttpMethod.POST,
                    null,
                    "/dev/tokens",
                    Map.of(
                            "email",
                            email.strip(),
                            "name",
                            name == null || name.isBlank() ? email.strip() : name.strip(),
                            "provider",
                            "magic"),
                    null);
            session.start(
                    request,
                    response,
                    (String) token.get("accessToken"),
                    Duration.ofSeconds(((Number) token.get("expiresIn")).longValue()));
            return "redirect:/";
        } catch (ApiProblem refused) {
            model.addAttribute("developmentIssuer", developmentIssuer);
            model.addAttribute("providerSignIn", providerSignIn);
            model.addAttribute("error", refused.getMessage());
            model.addAttribute("email", email);
            model.addAttribute("name", name);
            return "signin";
        }
    }

    @PostMapping("/signout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        session.end(request, response);
        return "redirect:/signin";
    }
}
