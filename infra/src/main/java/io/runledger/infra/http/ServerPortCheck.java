package io.runledger.infra.http;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses to start at once when the HTTP port is taken. The web server is made before the application's other
 * beans but binds its port only after all of them (the database, migrations, processors) have started, so without
 * this a taken port is found last. Spring Boot's failure analysis then says which port and what to do.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE) // after every customizer that sets the port or the address
class ServerPortCheck implements WebServerFactoryCustomizer<AbstractConfigurableWebServerFactory> {

    @Override
    public void customize(AbstractConfigurableWebServerFactory factory) {
        requireFree(factory.getAddress(), factory.getPort());
    }

    /** @param address null: every interface; port 0 (any free port) and below (no server) need no check */
    static void requireFree(InetAddress address, int port) {
        if (port <= 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            // as the server binds: a port another program listens on is taken, one merely in TIME_WAIT is not
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
        } catch (BindException taken) {
            throw new PortInUseException(port, taken);
        } catch (IOException otherwise) {
            // not a taken port (an address this machine does not have, say): the server's own bind reports it
        }
    }
}
