package io.runledger.infra.logging;

import java.io.IOException;

import io.runledger.command.auth.CallerBindingFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's {@code X-Request-Id} and {@code X-Correlation-Id} (else the request id, as on its events) in the
 * logging context, so every line logged while serving it names them. Runs right after the first filter, which has
 * given every request an id Runledger can store.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestIdsInLogs extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getHeader(CallerBindingFilter.REQUEST_ID_HEADER);
        String correlationId = request.getHeader(CallerBindingFilter.CORRELATION_ID_HEADER);
        try (LogContext.Scope ignored = LogContext.withIds(
                requestId, correlationId == null || correlationId.isBlank() ? requestId : correlationId)) {
            chain.doFilter(request, response);
        }
    }
}
