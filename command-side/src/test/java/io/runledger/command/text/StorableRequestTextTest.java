package io.runledger.command.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The stored headers' own check, which Tomcat's refusal of control characters hides from HTTP tests
 * ({@code StorableTextApiTest}): it holds behind any server that lets a NUL through.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StorableRequestTextTest {

    private final StorableRequestText filter = new StorableRequestText(new ObjectMapper());

    /** The chain after the filter, which saw the request only if the filter let it through. */
    private MockFilterChain send(String header, String value, MockHttpServletResponse response) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/orgs");
        request.addHeader(header, value);
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return chain;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Idempotency-Key", "X-Request-Id", "X-Correlation-Id"})
    void a_stored_header_with_a_nul_is_answered_422_and_goes_no_further(String header) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        MockFilterChain chain = send(header, "a\u0000b", response);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString())
                .contains(
                        "\"type\":\"https://runledger.io/problems/invalid-text\"",
                        "\"in\":\"header\"",
                        "\"field\":\"" + header + "\"");
        assertThat(chain.getRequest()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Idempotency-Key", "X-Request-Id", "X-Correlation-Id"})
    void a_stored_header_of_latin_1_text_goes_on(String header) throws Exception {
        MockFilterChain chain = send(header, "réquête-ÿ", new MockHttpServletResponse());

        assertThat(chain.getRequest()).isNotNull();
    }
}
