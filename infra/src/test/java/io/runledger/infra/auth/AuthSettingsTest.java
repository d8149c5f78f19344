package io.runledger.infra.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import io.runledger.command.auth.AuthProperties;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The authentication settings as an operator writes them: read as docs/authentication.md says, and mistakes stop the start. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuthSettingsTest {

    private static AuthProperties read(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("runledger.auth", AuthProperties.class);
    }

    @Test
    void unset_settings_mean_the_development_issuer_and_the_documented_defaults() {
        AuthProperties settings = read(Map.of());

        assertThat(settings.localIssuer()).isTrue();
        assertThat(settings.tokenIssuer()).isEqualTo("runledger-local");
        assertThat(settings.audiences()).isEmpty();
        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.assumeEmailVerified()).isFalse();
        assertThat(settings.jwks())
                .isEqualTo(new AuthProperties.Jwks(
                        Duration.ofSeconds(3), Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofSeconds(30)));
    }

    @Test
    void audiences_are_a_comma_separated_list_and_the_issuer_uri_is_the_issuer() {
        AuthProperties settings = read(Map.of(
                "runledger.auth.issuer-uri",
                "https://sso.example.com/realms/runledger",
                "runledger.auth.audiences",
                "runledger-api, , other-api"));

        assertThat(settings.audiences()).containsExactly("runledger-api", "other-api");
        assertThat(settings.tokenIssuer()).isEqualTo("https://sso.example.com/realms/runledger");
    }

    @Test
    void a_key_set_without_the_issuer_it_speaks_for_stops_the_start() {
        assertThatThrownBy(() -> read(Map.of("runledger.auth.jwk-set-uri", "https://idp.example.com/jwks")))
                .rootCause()
                .hasMessageContaining("RUNLEDGER_AUTH_ISSUER");
    }

    @Test
    void an_issuer_contradicting_the_issuer_uri_stops_the_start() {
        assertThatThrownBy(() -> read(Map.of(
                        "runledger.auth.issuer-uri",
                        "https://a.example.com",
                        "runledger.auth.issuer",
                        "https://b.example.com")))
                .rootCause()
                .hasMessageContaining("differs from RUNLEDGER_AUTH_ISSUER_URI");
    }

    @Test
    void a_refresh_too_short_for_its_timeout_stops_the_start() {
        assertThatThrownBy(
                        () -> read(Map.of("runledger.auth.jwks.timeout", "3s", "runledger.auth.jwks.refresh", "10s")))
                .rootCause()
                .hasMessageContaining("at least four times");
    }
}
