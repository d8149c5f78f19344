package io.runledger.infra.auth;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The console as a client of the OpenID provider, its endpoints read from the provider's discovery document at
 * the first sign-in rather than at start-up: Runledger starts while the provider is down (as it does for the
 * API's keys), and a sign-in then fails with a message until the provider answers.
 */
final class DiscoveredConsoleClient implements ClientRegistrationRepository {

    static final String REGISTRATION = "provider";

    private static final Logger log = LoggerFactory.getLogger(DiscoveredConsoleClient.class);

    private final String issuerUri;
    private final String clientId;
    private final String clientSecret;
    private final AtomicReference<ClientRegistration> discovered = new AtomicReference<>();

    DiscoveredConsoleClient(String issuerUri, String clientId, String clientSecret) {
        this.issuerUri = issuerUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = discovered.get();
        if (known != null) {
            return known;
        }
        try {
            ClientRegistration found = ClientRegistrations.fromIssuerLocation(issuerUri)
                    .registrationId(REGISTRATION)
                    .clientId(clientId)
                    .clientSecret(clientSecret.isBlank() ? null : clientSecret)
                    // a public client (no secret) proves itself by PKCE alone
                    .clientAuthenticationMethod(
                            clientSecret.isBlank()
                                    ? ClientAuthenticationMethod.NONE
                                    : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope("openid", "email", "profile")
                    .build();
            discovered.set(found);
            return found;
        } catch (RuntimeException unreachable) {
            log.warn("The console cannot sign anyone in through {} yet: {}", issuerUri, unreachable.getMessage());
            return null;
        }
    }
}
