package io.runledger.infra.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Refuses to start, before any bean exists (the embedded database, migrations and processors take seconds), when
 * the HTTP port or the management port is taken; Spring Boot explains a {@link PortInUseException} in one paragraph.
 * Another process may still take the port in between: then the web server's own bind reports it, later.
 */
@Configuration(proxyBeanMethods = false)
class PortCheck {

    @Bean
    static BeanFactoryPostProcessor portsFreeBeforeAnythingStarts(Environment environment) {
        return beanFactory -> {
            if ("none".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type"))) {
                return;
            }
            int port = environment.getProperty("server.port", Integer.class, 8080);
            requireFree(environment.getProperty("server.address"), port);
            Integer management = environment.getProperty("management.server.port", Integer.class);
            if (management != null && management != port) {
                requireFree(environment.getProperty("management.server.address",
                        environment.getProperty("server.address", "")), management);
            }
        };
    }

    private static void requireFree(String address, int port) {
        if (port <= 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(address == null || address.isBlank() ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
        } catch (IOException taken) {
            throw new PortInUseException(port, taken);
        }
    }
}
