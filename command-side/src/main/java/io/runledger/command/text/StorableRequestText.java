package io.runledger.command.text;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.command.auth.CallerBindingFilter;
import io.runledger.command.idempotency.IdempotentRequests;
import io.runledger.command.problem.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter: gives every answer an {@code X-Request-Id} (the client's when it is one Runledger can store,
 * else a new UUID, which the rest of the request then reads as its id), so even a refusal by a later filter, by
 * security or by the framework can be found in the logs. Then refuses the query parameters and the stored
 * headers (they become every event's {@code requestId}, {@code correlationId} and a run's {@code idempotencyKey})
 * whose text {@link StorableText} refuses, with 422 {@code invalid-text}, and those longer than 255 characters,
 * with 400 {@code invalid-parameter}. Tomcat already answers 400 to a header with a control character; this
 * keeps the rule whatever the server in front. Bodies are {@link StorableJsonBodies}'.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StorableRequestText extends OncePerRequestFilter {

    static final List<String> STORED_HEADERS = List.of(
            IdempotentRequests.HEADER,
            CallerBindingFilter.REQUEST_ID_HEADER,
            CallerBindingFilter.CORRELATION_ID_HEADER);

    private final ObjectMapper json;

    StorableRequestText(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientRequestId = request.getHeader(CallerBindingFilter.REQUEST_ID_HEADER);
        boolean usable = clientRequestId != null
                && !clientRequestId.isBlank()
                && clientRequestId.length() <= HeaderTooLong.MAX_LENGTH
                && StorableText.flaw(clientRequestId) == null;
        String requestId = usable ? clientRequestId : UUID.randomUUID().toString();
        response.setHeader(CallerBindingFilter.REQUEST_ID_HEADER, requestId);
        try {
            STORED_HEADERS.forEach(header -> requireStorableHeader(header, request.getHeader(header)));
            requireStorableQuery(request.getQueryString());
        } catch (UnstorableText | HeaderTooLong refused) {
            ProblemTypes.write(response, json, refused.toProblem());
            return;
        }
        chain.doFilter(usable ? request : new WithRequestId(request, requestId), response);
    }

    /** A request that did not name its id, as if it had named the one its answer carries. */
    private static final class WithRequestId extends HttpServletRequestWrapper {

        private final String requestId;

        WithRequestId(HttpServletRequest request, String requestId) {
            super(request);
            this.requestId = requestId;
        }

        @Override
        public String getHeader(String name) {
            return CallerBindingFilter.REQUEST_ID_HEADER.equalsIgnoreCase(name) ? requestId : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return CallerBindingFilter.REQUEST_ID_HEADER.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(requestId))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.add(CallerBindingFilter.REQUEST_ID_HEADER);
            return Collections.enumeration(names);
        }
    }

    private static void requireStorableHeader(String header, String value) {
        if (value != null && value.length() > HeaderTooLong.MAX_LENGTH) {
            throw new HeaderTooLong(header, value.length());
        }
        StorableText.require(value, UnstorableText.Part.HEADER, header);
    }

    /** Decoded as Spring decodes {@code @RequestParam}s; a malformed escape is left for Spring to refuse. */
    private static void requireStorableQuery(String query) {
        if (query == null) {
            return;
        }
        for (String parameter : query.split("&")) {
            String[] nameAndValue = parameter.split("=", 2);
            String name = decoded(nameAndValue[0]);
            StorableText.require(name, UnstorableText.Part.QUERY, StorableText.escaped(name));
            if (nameAndValue.length == 2) {
                StorableText.require(decoded(nameAndValue[1]), UnstorableText.Part.QUERY, name);
            }
        }
    }

    private static String decoded(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return part;
        }
    }
}
