package io.runledger.infra.testing;

import java.util.HashMap;
import java.util.Map;

import io.runledger.infra.RunledgerApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application started and stopped by the test itself, for tests about what survives a restart.
 * Runs on a random HTTP port with the given properties on top of the defaults.
 */
public final class RunningRunledger implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningRunledger(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @param testConfigurations beans the test puts in, such as {@link TestClockConfiguration} */
    public static RunningRunledger start(Map<String, Object> properties, Class<?>... testConfigurations) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("server.port", 0);
        // As command-line arguments, so they win over application.yml like an operator's settings would.
        String[] args = all.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new RunningRunledger(new SpringApplicationBuilder(RunledgerApplication.class)
                .sources(testConfigurations)
                .run(args));
    }

    public CommandGateway commands() {
        return context.getBean(CommandGateway.class);
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** A client of this instance's HTTP API. */
    public ApiClient api() {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new ApiClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
