package io.runledger.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

import io.runledger.infra.testing.ApiClient;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The default: no issuer configured, so the development issuer is on and nothing else may reach it. */
@RunledgerIntegrationTest
class LoopbackWhileDevelopmentIssuerTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    @Test
    void with_the_development_issuer_runledger_listens_on_loopback_only() throws Exception {
        assertThat(ListeningAddresses.boundAddress(context)).hasValueSatisfying(address ->
                assertThat(address.isLoopbackAddress()).isTrue());
        Optional<InetAddress> reachableFromElsewhere = ListeningAddresses.nonLoopbackAddress();
        if (reachableFromElsewhere.isPresent()) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(reachableFromElsewhere.get(), port), 2000);
                }
            }).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void on_loopback_it_still_mints_tokens_for_any_email() {
        assertThat(new ApiClient(http).tokenFor("admin@runledger.example")).isNotBlank();
    }
}
