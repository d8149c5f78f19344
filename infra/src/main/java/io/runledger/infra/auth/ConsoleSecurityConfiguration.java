package io.runledger.infra.auth;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import io.runledger.command.auth.AuthProperties;
import io.runledger.console.ConsoleSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.util.StringUtils;

/**
 * The console's pages (module {@code console}) are the one part of Runledger a browser reaches with a cookie, so
 * they, and only they, check a CSRF token on every form; the bearer-token API keeps its own chain, untouched. The
 * pages decide nothing themselves: each one calls the API as the signed-in person, whose token the API checks.
 * A session exists only to carry a one-time notice across a redirect, and a provider sign-in while it happens.
 *
 * <p>With an OpenID provider ({@code RUNLEDGER_AUTH_ISSUER_URI}) and the console's client at it
 * ({@code RUNLEDGER_CONSOLE_CLIENT_ID}), people sign in there (authorization code with PKCE), and the access token
 * the provider gives the console is the one it keeps in the session cookie and calls the API with.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String[] CONSOLE_PATHS = {
        "/",
        "/signin",
        "/signout",
        "/orgs",
        "/orgs/**",
        "/operators",
        "/operators/**",
        "/webjars/**",
        "/console/**",
        "/oauth2/authorization/**",
        "/login/oauth2/code/**"
    };

    /** Stripe's pages are where checkout and portal forms lead, by a redirect the form-action policy covers. */
    private static final String POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                    + "form-action 'self' https://checkout.stripe.com https://billing.stripe.com";

    private static final Duration UNSTATED_TOKEN_LIFETIME = Duration.ofHours(1);

    @Bean
    @Order(0)
    SecurityFilterChain console(
            HttpSecurity http,
            AuthProperties auth,
            ConsoleSession session,
            @Value("${runledger.console.client-id:}") String clientId,
            @Value("${runledger.console.client-secret:}") String clientSecret)
            throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        http.securityMatcher(CONSOLE_PATHS)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                // who is signed in is the session cookie's token, checked by the API at every call: nothing else is
                // kept
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(POLICY)))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        if (StringUtils.hasText(auth.issuerUri()) && StringUtils.hasText(clientId)) {
            DiscoveredConsoleClient client = new DiscoveredConsoleClient(auth.issuerUri(), clientId, clientSecret);
            DefaultOAuth2AuthorizationRequestResolver requests =
                    new DefaultOAuth2AuthorizationRequestResolver(client, "/oauth2/authorization");
            requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            OAuth2AuthorizedClientRepository authorized = new HttpSessionOAuth2AuthorizedClientRepository();
            http.oauth2Login(login -> login.loginPage("/signin")
                    .clientRegistrationRepository(client)
                    .authorizedClientRepository(authorized)
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                    .successHandler((request, response, signedIn) ->
                            keepAccessToken(request, response, signedIn, authorized, session))
                    .failureHandler((request, response, refused) -> response.sendRedirect("/signin?failed")));
        }
        return http.build();
    }

    /** The provider's access token becomes the session cookie; the console keeps nothing else of the sign-in. */
    private static void keepAccessToken(
            HttpServletRequest request,
            HttpServletResponse response,
            Authentication signedIn,
            OAuth2AuthorizedClientRepository authorized,
            ConsoleSession session)
            throws IOException {
        OAuth2AuthorizedClient client =
                authorized.loadAuthorizedClient(DiscoveredConsoleClient.REGISTRATION, signedIn, request);
        OAuth2AccessToken token = client.getAccessToken();
        Duration lifetime = token.getExpiresAt() == null
                ? UNSTATED_TOKEN_LIFETIME
                : Duration.between(Instant.now(), token.getExpiresAt());
        session.start(request, response, token.getTokenValue(), lifetime);
        authorized.removeAuthorizedClient(DiscoveredConsoleClient.REGISTRATION, signedIn, request, response);
        response.sendRedirect("/");
    }
}
