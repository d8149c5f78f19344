package io.runledger.infra.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** An operator who names an address gets it, development issuer or not. */
@RunledgerIntegrationTest
@TestPropertySource(properties = "server.address=0.0.0.0")
class ConfiguredAddressTest {

    @Autowired
    ApplicationContext context;

    @Test
    void a_configured_server_address_is_honoured_with_the_development_issuer_on() {
        assertThat(ListeningAddresses.boundAddress(context)).get().matches(InetAddress::isAnyLocalAddress);
    }
}
