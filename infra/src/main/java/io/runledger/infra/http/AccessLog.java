package io.runledger.infra.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per request on the logger {@code runledger.access}: method, path, status and milliseconds, with the
 * request and correlation ids every line of the request carries (set just before, where the request id is
 * decided). {@code logging.level.runledger.access=warn} turns it off.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("runledger.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (log.isInfoEnabled()) {
                log.info("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }
}
