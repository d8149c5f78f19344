package io.runledger.infra.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

/** The default: no issuer configured, so the development issuer is on and nothing else may reach it. */
@RunledgerIntegrationTest
class LoopbackWhileDevelopmentIssuerTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate http;

    @Test
    // what the connector binds is asserted, not probed from another address: tests connect to loopback only
    void with_the_development_issuer_runledger_listens_on_loopback_only() {
        assertThat(ListeningAddresses.boundAddress(context)).get().matches(InetAddress::isLoopbackAddress);
    }

    @Test
    void on_loopback_it_still_mints_tokens_for_any_email() {
        assertThat(new ApiClient(http).tokenFor("admin@runledger.example")).isNotBlank();
    }
}
