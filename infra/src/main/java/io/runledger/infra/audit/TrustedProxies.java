package io.runledger.infra.audit;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * {@code X-Forwarded-For} is believed only from the proxies the operator names ({@code RUNLEDGER_TRUSTED_PROXIES},
 * exact addresses, comma-separated; none by default): Tomcat's {@link RemoteIpValve} then takes the client address
 * from the header, walking back through trusted proxies only, so every event records the client, not the proxy.
 * From anyone else the header is ignored and the peer's address is recorded.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final List<String> proxies;

    TrustedProxies(@Value("${runledger.trusted-proxies:}") List<String> proxies) {
        this.proxies = proxies.stream()
                .map(String::trim)
                .filter(proxy -> !proxy.isEmpty())
                .toList();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (proxies.isEmpty()) {
            return;
        }
        RemoteIpValve valve = new RemoteIpValve();
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setInternalProxies(proxies.stream().map(Pattern::quote).collect(Collectors.joining("|")));
        valve.setTrustedProxies(null);
        factory.addEngineValves(valve);
    }
}
