package io.runledger.infra.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's sign-in through the configured OpenID provider: the authorization-code flow with PKCE (S256),
 * ending with the provider's access token in the console's session cookie, which the API then accepts.
 */
@RunledgerIntegrationTest
class ConsoleProviderSignInTest {

    static final FakeIdentityProvider PROVIDER = new FakeIdentityProvider();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        PROVIDER.useByDiscovery(properties);
        properties.add("runledger.console.client-id", () -> "runledger-console");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;

    private CookieManager cookies;
    private HttpClient browser;

    @BeforeEach
    void aBrowserWithoutCookies() {
        cookies = new CookieManager();
        browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).isEqualTo(302);
        return redirect.headers().firstValue("Location").orElseThrow();
    }

    private HttpCookie session() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("runledger_session"))
                .findFirst()
                .orElse(null);
    }

    @Test
    void a_person_signs_in_at_the_provider_with_pkce_and_the_console_calls_the_api_with_their_access_token()
            throws Exception {
        String email = "sso-" + UUID.randomUUID() + "@example.com";
        PROVIDER.signIns().signsInAs(email);
        String base = "http://127.0.0.1:" + port;
        assertThat(get(base + "/signin").body())
                .contains("/oauth2/authorization/provider")
                .doesNotContain("id=\"email\"");

        String authorization = location(get(base + "/oauth2/authorization/provider"));
        assertThat(authorization)
                .startsWith(PROVIDER.issuer() + ProviderSignIns.AUTHORIZE)
                .contains("code_challenge=", "code_challenge_method=S256", "client_id=runledger-console", "nonce=");
        String callback = location(get(authorization));
        HttpResponse<String> signedIn = get(callback);

        assertThat(location(signedIn)).isEqualTo(base + "/");
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie ->
                        assertThat(cookie).startsWith("runledger_session=").contains("HttpOnly", "SameSite=Lax"));
        assertThat(PROVIDER.signIns().refusals()).isEmpty();
        HttpResponse<String> home = get(base + "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(email, "You belong to no org yet"); // the API registered and answered them
    }

    @Test
    void a_callback_the_console_did_not_ask_for_signs_nobody_in() throws Exception {
        PROVIDER.signIns().signsInAs("forged-" + UUID.randomUUID() + "@example.com");
        String base = "http://127.0.0.1:" + port;

        HttpResponse<String> forged = get(base + "/login/oauth2/code/provider?code=stolen&state=made-up");

        assertThat(location(forged)).endsWith("/signin?failed");
        assertThat(session()).isNull();
    }
}
