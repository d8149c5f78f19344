package io.runledger.infra.testing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an API test begins with: an {@link ApiClient} on the running application, and the application's database.
 * The test class says which application it runs against ({@link RunledgerIntegrationTest}, {@link
 * ReadModelIntegrationTest}).
 */
public abstract class ApiTest {

    protected TestRestTemplate http;
    protected ApiClient api;

    @Autowired
    protected JdbcTemplate jdbc;

    /** Injected before any {@code @BeforeAll} of a per-class test instance, so the client is there for those too. */
    @Autowired
    private void connect(TestRestTemplate http) {
        this.http = http;
        this.api = new ApiClient(http);
    }
}
