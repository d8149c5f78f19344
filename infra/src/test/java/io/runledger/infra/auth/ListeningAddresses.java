package io.runledger.infra.auth;

import java.net.InetAddress;
import java.util.Optional;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.ApplicationContext;

/** Where the application's HTTP connector listens. */
public final class ListeningAddresses {

    private ListeningAddresses() {}

    /** @return the address Tomcat binds; empty for all interfaces */
    public static Optional<InetAddress> boundAddress(ApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        return Optional.ofNullable(
                (InetAddress) server.getTomcat().getConnector().getProperty("address"));
    }
}
