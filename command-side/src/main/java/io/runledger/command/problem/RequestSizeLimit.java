package io.runledger.command.problem;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over {@code runledger.http.max-body-size} with 413: at once when the declared length
 * is too big, and for bodies of undeclared length (chunked) as soon as reading passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final ObjectMapper json;

    RequestSizeLimit(@Value("${runledger.http.max-body-size:1MB}") DataSize maxBodySize, ObjectMapper json) {
        this.maxBytes = maxBodySize.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            ProblemTypes.write(
                    response,
                    json,
                    problem("The body has %d bytes; at most %d are accepted"
                            .formatted(request.getContentLengthLong(), maxBytes)));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new CappedBody(request, maxBytes) : request, response);
    }

    /** The 413 answer, whether the declared length or the bytes read gave the body away. */
    static ProblemDetail problem(String detail) {
        return ProblemTypes.problem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large", detail);
    }

    /** Thrown while reading past the limit; {@link ProblemResponses} answers it with 413. */
    static class BodyTooLarge extends IOException {
        BodyTooLarge(long maxBytes) {
            super("The body is larger than the %d bytes accepted".formatted(maxBytes));
        }
    }

    private static final class CappedBody extends HttpServletRequestWrapper {
        private final long maxBytes;

        CappedBody(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int next = body.read();
                    if (next >= 0 && ++read > maxBytes) {
                        throw new BodyTooLarge(maxBytes);
                    }
                    return next;
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
