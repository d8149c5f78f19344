package io.runledger.infra.http;

import java.io.IOException;
import java.io.PrintWriter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.command.problem.ProblemTypes;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses a request whose headers pass {@code server.max-http-request-header-size} by itself, before Spring
 * sees it (a bearer token of 40 KB, say): this makes that refusal a 431 problem+json instead of Tomcat's HTML page.
 * It takes the place of the error report valve Spring Boot sets up, and leaves Tomcat's other answers as that one
 * wrote them.
 */
@Component
class OversizedHeaders implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ObjectMapper json;

    OversizedHeaders(ObjectMapper json) {
        this.json = json;
    }

    /** After Spring Boot's own customizer, whose valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            ProblemValve problems = new ProblemValve(json);
            problems.setShowReport(false);
            problems.setShowServerInfo(false);
            pipeline.addValve(problems);
            // so that the host, starting, finds its error report valve and adds no other
            host.setErrorReportValveClass(ProblemValve.class.getName());
        });
    }

    static final class ProblemValve extends ErrorReportValve {

        /** What Tomcat's request parser says when the headers do not fit, in the language it says it in. */
        private static final String HEADERS_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
                .getString("iib.requestheadertoolarge.error");

        private final ObjectMapper json;

        ProblemValve(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            if (!(failure instanceof IllegalArgumentException) || !HEADERS_TOO_LARGE.equals(failure.getMessage())
                    || response.getContentWritten() > 0 || !response.setErrorReported()) {
                super.report(request, response, failure);
                return;
            }
            try {
                response.setStatus(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(json.writeValueAsString(ProblemTypes.problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                            "request-header-too-large", "Request headers too large",
                            "The request's headers are larger than this server accepts")));
                }
                response.finishResponse();
            } catch (IOException | IllegalStateException unanswerable) {
                // the connection is closed after this answer in any case
            }
        }
    }
}
