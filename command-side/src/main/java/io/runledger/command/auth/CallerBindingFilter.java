package io.runledger.command.auth;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.runledger.command.caller.Caller;
import io.runledger.command.caller.CallerContext;
import io.runledger.command.problem.ClientProblem;
import io.runledger.command.text.StorableText;
import io.runledger.domain.shared.DomainRuleViolation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Binds the authenticated caller to the request's thread, so every command it sends is stamped with
 * who asked and from where (address, user agent, the person's email or the API key's id), the request id ({@code X-Request-Id}, else a new one, echoed back) and the conversation
 * ({@code X-Correlation-Id}, else the request id).
 */
public class CallerBindingFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    static final int USER_AGENT_LENGTH = 512;

    private final JwtCallers callers;
    private final HandlerExceptionResolver problems;

    /** {@code problems} answers a refused sign-up the way controllers answer their errors. */
    public CallerBindingFilter(JwtCallers callers, HandlerExceptionResolver problems) {
        this.callers = callers;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            UUID userId = callers.userIdOf(token.getToken());
            Map<String, String> origin = origin(request);
            callers.vouchedEmail(token.getToken()).ifPresent(email -> origin.put(Caller.ACTOR_EMAIL, email));
            bind(
                    userId.toString(),
                    origin,
                    request,
                    response,
                    chain,
                    () -> callers.ensureRegistered(userId, token.getToken()));
        } else if (ApiKeyGrant.current().isPresent()) {
            Map<String, String> origin = origin(request);
            origin.put(Caller.API_KEY_ID, authentication.getName());
            bind(Caller.API_KEY_PREFIX + authentication.getName(), origin, request, response, chain, () -> {});
        } else if (authentication != null
                && AuthorityUtils.authorityListToSet(authentication.getAuthorities())
                        .contains(WorkerCredentials.AUTHORITY)) {
            bind(Caller.WORKER_PREFIX + authentication.getName(), origin(request), request, response, chain, () -> {});
        } else {
            chain.doFilter(request, response);
        }
    }

    /** {@code admit} runs with the caller bound; a rule it breaks, or a claim refused, is answered as a problem instead. */
    private void bind(
            String actor,
            Map<String, String> origin,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            Runnable admit)
            throws ServletException, IOException {
        String requestId =
                headerOr(request, REQUEST_ID_HEADER, UUID.randomUUID().toString());
        String correlationId = headerOr(request, CORRELATION_ID_HEADER, requestId);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        try (CallerContext.Binding ignored = CallerContext.bind(new Caller(actor, requestId, correlationId, origin))) {
            try {
                admit.run();
            } catch (DomainRuleViolation | ClientProblem refused) {
                problems.resolveException(request, response, null, refused);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Where the request came from: the peer's address (Tomcat's RemoteIpValve has already put the forwarded one
     * there when the peer is a trusted proxy) and the user agent, cut to {@value #USER_AGENT_LENGTH} characters.
     */
    private static Map<String, String> origin(HttpServletRequest request) {
        Map<String, String> origin = new HashMap<>();
        origin.put(Caller.CLIENT_ADDRESS, request.getRemoteAddr());
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        if (StringUtils.hasText(userAgent) && StorableText.flaw(userAgent) == null) {
            int end = Math.min(userAgent.length(), USER_AGENT_LENGTH);
            origin.put(
                    Caller.USER_AGENT,
                    userAgent.substring(0, Character.isHighSurrogate(userAgent.charAt(end - 1)) ? end - 1 : end));
        }
        return origin;
    }

    private static String headerOr(HttpServletRequest request, String header, String fallback) {
        String value = request.getHeader(header);
        return StringUtils.hasText(value) ? value : fallback;
    }
}
