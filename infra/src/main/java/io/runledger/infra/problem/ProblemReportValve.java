package io.runledger.infra.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.command.problem.ProblemTypes;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report (the HTML page it writes when a request never reached the application: headers over
 * the size limit, {@code %00} in the path, a request line it cannot parse) as problem+json with the status's
 * type and an {@code X-Request-Id}, like every other error. Headers over {@code server.max-http-request-header-size}
 * (a bearer token of 40 KB, say) are 431 {@code request-header-too-large}: Tomcat itself would say 400.
 */
class ProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

    /** What Tomcat's request parser says when the headers do not fit, in the language it says it in. */
    private static final String HEADERS_TOO_LARGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");

    private final ObjectMapper json;

    ProblemReportValve(ObjectMapper json) {
        this.json = json;
    }

    private static boolean headersTooLarge(Throwable failure) {
        return failure instanceof IllegalArgumentException && HEADERS_TOO_LARGE.equals(failure.getMessage());
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            ProblemDetail problem = headersTooLarge(failure)
                    ? ProblemTypes.problem(
                            HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                            "request-header-too-large",
                            "Request headers too large",
                            "The request's headers are larger than this server accepts")
                    : ProblemErrorController.problem(response.getStatus(), null);
            response.setStatus(problem.getStatus());
            if (headersTooLarge(failure)) {
                // Tomcat closes the connection after headers it could not read, and says so for its own 400 but not
                // for a 431: without this a keep-alive client sends its next request down the closed connection
                response.setHeader("Connection", "close");
            }
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            ProblemErrorController.ensureRequestId(response);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException unwritable) {
            log.debug("Could not write the error report of a {} answer", response.getStatus(), unwritable);
        }
    }
}
