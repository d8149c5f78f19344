package io.runledger.infra.problem;

import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.command.problem.ProblemTypes;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Errors answered below Spring MVC, as problem+json like the application's own: Spring Security's firewall
 * ({@code TRACE}, {@code ;} or {@code %2F} in a path) and Tomcat's error report.
 */
@Configuration(proxyBeanMethods = false)
class FrameworkErrorsConfiguration {

    /** What Spring Security's {@code StrictHttpFirewall} lets through; another method is refused there. */
    private static final Set<String> FIREWALL_METHODS =
            Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    /**
     * Spring Security's {@code WebSecurity} takes this bean for every request its firewall refuses, also when
     * Tomcat forwards its own refusal of {@code TRACE} to {@code /error}.
     */
    @Bean
    RequestRejectedHandler firewallRefusals(ObjectMapper json) {
        return (request, response, rejected) -> {
            int status = FIREWALL_METHODS.contains(request.getMethod())
                    ? HttpStatus.BAD_REQUEST.value()
                    : HttpStatus.METHOD_NOT_ALLOWED.value();
            ProblemErrorController.ensureRequestId(response);
            ProblemTypes.write(
                    response,
                    json,
                    ProblemErrorController.problem(
                            status,
                            status == HttpStatus.BAD_REQUEST.value()
                                    ? rejected.getMessage()
                                    : "Method " + request.getMethod() + " is not supported"));
        };
    }

    /** Tomcat's HTML error report gives way to {@link ProblemReportValve} (Spring Boot adds one of its own too). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ObjectMapper json) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemReportValve(json));
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }
}
