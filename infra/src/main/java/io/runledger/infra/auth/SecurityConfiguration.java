package io.runledger.infra.auth;

import java.time.Clock;
import java.util.List;

import io.runledger.command.access.OrgAccess;
import io.runledger.command.apikey.ApiKeyCredentials;
import io.runledger.command.auth.AuthProperties;
import io.runledger.command.auth.CallerBindingFilter;
import io.runledger.command.auth.JwtCallers;
import io.runledger.command.auth.LocalIssuer;
import io.runledger.command.auth.UsesLocalIssuer;
import io.runledger.command.auth.WorkerCredentials;
import io.runledger.command.worker.WorkerProperties;
import io.runledger.infra.database.UsesEmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * A stateless resource server: {@code /v1/worker} requests carry a worker credential, every other {@code /v1}
 * request a person's JWT or a tenant API key; health, API docs and, with the local issuer, {@code /dev/tokens} are open.
 * Failures answer problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String READ_MODELS_HEALTH = "/actuator/health/readModels/**";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @Conditional(UsesLocalIssuer.class)
    LocalIssuer localIssuer(AuthProperties properties, Clock clock) {
        return new LocalIssuer(properties, clock);
    }

    @Bean
    JwtDecoder jwtDecoder(
            AuthProperties properties,
            ObjectProvider<LocalIssuer> localIssuer,
            ObjectProvider<ProviderKeys> providerKeys,
            Clock clock) {
        return properties.localIssuer()
                ? TokenChecks.ofLocalIssuer(localIssuer.getObject().publicKey(), properties, clock)
                : TokenChecks.ofProvider(providerKeys.getObject().source(), properties, clock);
    }

    @Bean
    WorkerCredentials workerCredentials(WorkerProperties properties, Environment environment) {
        if (properties.tokens().isEmpty() && UsesEmbeddedPostgres.in(environment)) {
            log.warn("No RUNLEDGER_WORKER_TOKENS set: admitting workers with the development token 'dev-worker-token'");
            return new WorkerCredentials(List.of(WorkerCredentials.DEVELOPMENT));
        }
        if (properties.tokens().isEmpty()) {
            log.warn("No RUNLEDGER_WORKER_TOKENS set: no worker can claim runs or generations");
        }
        return new WorkerCredentials(properties.tokens());
    }

    /** Workers authenticate with operator-issued credentials, never with a person's JWT, and only here. */
    @Bean
    @Order(1)
    SecurityFilterChain workers(
            HttpSecurity http,
            WorkerCredentials credentials,
            JwtCallers callers,
            ProblemAuthenticationResponses problems,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver handlerExceptionResolver)
            throws Exception {
        return statelessBearer(http.securityMatcher("/v1/worker/**"), callers, problems, handlerExceptionResolver)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(WorkerCredentials.AUTHORITY))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .opaqueToken(opaqueToken -> opaqueToken.introspector(credentials))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }

    /** A person's JWT, or a tenant API key ({@code rlk_…}) looked up by its digest. */
    @Bean
    @Order(2)
    SecurityFilterChain api(
            HttpSecurity http,
            JwtCallers callers,
            ProblemAuthenticationResponses problems,
            JwtDecoder jwtDecoder,
            ApiKeyCredentials apiKeys,
            OrgAccess access,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver handlerExceptionResolver)
            throws Exception {
        BearerTokenResolver bearerTokens = new DefaultBearerTokenResolver();
        AuthenticationManager people = new ProviderManager(new JwtAuthenticationProvider(jwtDecoder));
        AuthenticationManager keys = new ProviderManager(new OpaqueTokenAuthenticationProvider(apiKeys));
        return statelessBearer(http, callers, problems, handlerExceptionResolver)
                .addFilterAfter(
                        new PlatformAdminRole(EndpointRequest.toAnyEndpoint(), access), CallerBindingFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                EndpointRequest.to(PrometheusScrapeEndpoint.class),
                                PathPatternRequestMatcher.withDefaults().matcher(READ_MODELS_HEALTH))
                        .hasRole(PlatformAdminRole.ROLE)
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
                        .permitAll()
                        .requestMatchers(
                                "/dev/tokens",
                                "/error",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                // auditors fetch the key that signs the audit digests before trusting anything else
                                "/v1/audit/public-key",
                                // Stripe authenticates by the signature of what it sends
                                "/v1/stripe/webhook")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(request ->
                                ApiKeyCredentials.looksLikeKey(bearerTokens.resolve(request)) ? keys : people)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }

    /** What every chain shares: no sessions, no CSRF (no cookies), problem+json refusals, the caller bound. */
    private static HttpSecurity statelessBearer(
            HttpSecurity http,
            JwtCallers callers,
            ProblemAuthenticationResponses problems,
            HandlerExceptionResolver handlerExceptionResolver)
            throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAfter(
                        new CallerBindingFilter(callers, handlerExceptionResolver),
                        BearerTokenAuthenticationFilter.class);
    }
}
