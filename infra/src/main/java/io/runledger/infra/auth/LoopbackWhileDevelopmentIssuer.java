package io.runledger.infra.auth;

import java.net.InetAddress;

import io.runledger.command.auth.UsesLocalIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The development issuer mints a token for any email at {@code POST /dev/tokens}, a platform admin's included:
 * while it is on, Runledger listens on loopback only, unless the operator names an address ({@code server.address}).
 * Configuring an issuer turns the development issuer off, and with it this default.
 */
@Component
@Conditional(UsesLocalIssuer.class)
record LoopbackWhileDevelopmentIssuer(ServerProperties server)
        implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(LoopbackWhileDevelopmentIssuer.class);

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        if (server.getAddress() != null) {
            log.warn(
                    "The development token issuer is on and Runledger listens on {} (server.address): anyone who reaches it"
                            + " can mint a token for any email, platform admins included; set RUNLEDGER_AUTH_ISSUER_URI or"
                            + " RUNLEDGER_AUTH_JWK_SET_URI to turn it off",
                    server.getAddress().getHostAddress());
            return;
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        factory.setAddress(loopback);
        log.warn(
                "The development token issuer is on (no RUNLEDGER_AUTH_ISSUER_URI or RUNLEDGER_AUTH_JWK_SET_URI), so"
                        + " Runledger listens on {} only: set server.address (SERVER_ADDRESS) to listen elsewhere, or configure an"
                        + " issuer",
                loopback.getHostAddress());
    }
}
