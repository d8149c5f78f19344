package io.runledger.infra.security;

import java.time.Clock;

import io.runledger.command.auth.AuthProperties;
import io.runledger.command.auth.CallerBindingFilter;
import io.runledger.command.auth.JwtCallers;
import io.runledger.command.auth.LocalIssuer;
import io.runledger.command.auth.UsesLocalIssuer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * A stateless JWT resource server: every {@code /v1} request carries a bearer token; health, API docs and,
 * with the local issuer, {@code /dev/tokens} are open. Failures answer problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

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
    JwtDecoder jwtDecoder(AuthProperties properties, ObjectProvider<LocalIssuer> localIssuer) {
        if (properties.localIssuer()) {
            return NimbusJwtDecoder.withPublicKey(localIssuer.getObject().publicKey()).build();
        }
        return StringUtils.hasText(properties.issuerUri())
                ? JwtDecoders.fromIssuerLocation(properties.issuerUri())
                : NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtCallers callers, ProblemAuthenticationResponses problems,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver handlerExceptionResolver) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/dev/tokens", "/error",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterAfter(new CallerBindingFilter(callers, handlerExceptionResolver), BearerTokenAuthenticationFilter.class)
                .build();
    }
}
