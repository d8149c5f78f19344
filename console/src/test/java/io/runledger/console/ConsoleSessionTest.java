package io.runledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The session cookie's attributes, over TLS and without; the browser test sees them on a real page. */
class ConsoleSessionTest {

    private final ConsoleSession session = new ConsoleSession(new ObjectMapper());

    private String cookieFor(boolean tls) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSecure(tls);
        MockHttpServletResponse response = new MockHttpServletResponse();
        session.start(request, response, "a.token.here", Duration.ofHours(12));
        return response.getHeader("Set-Cookie");
    }

    @Test
    void over_tls_the_cookie_is_secure_http_only_and_same_site_lax() {
        assertThat(cookieFor(true))
                .startsWith("runledger_session=a.token.here;")
                .contains("; Path=/", "; Max-Age=43200", "; Secure", "; HttpOnly", "; SameSite=Lax");
    }

    @Test
    void over_plain_http_it_is_not_marked_secure_as_the_browser_would_not_send_it_back() {
        assertThat(cookieFor(false)).contains("; HttpOnly", "; SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void signing_out_empties_it_at_once() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        session.end(request, response);
        assertThat(response.getHeader("Set-Cookie"))
                .startsWith("runledger_session=;")
                .contains("; Max-Age=0", "; HttpOnly");
    }
}
