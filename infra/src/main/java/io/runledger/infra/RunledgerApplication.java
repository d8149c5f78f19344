package io.runledger.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runledger: one Spring Boot application wiring the domain, command side, projections and query side. */
@SpringBootApplication(scanBasePackages = "io.runledger")
@ConfigurationPropertiesScan("io.runledger")
public class RunledgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(RunledgerApplication.class, args);
    }
}
