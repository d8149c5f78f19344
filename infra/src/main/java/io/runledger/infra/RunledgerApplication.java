package io.runledger.infra;

import io.runledger.infra.audit.AuditCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runledger: one Spring Boot application wiring the domain, command side, projections and query side. */
@SpringBootApplication(scanBasePackages = "io.runledger")
@ConfigurationPropertiesScan("io.runledger")
@EnableScheduling
public class RunledgerApplication {

    private static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        // Audited tenants run this in closed networks: Axon must not phone home unless an operator opts in.
        if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        }
        if (AuditCommandLine.handles(args)) {
            // an auditor's check needs the files only: no database, no service
            System.exit(AuditCommandLine.run(args));
        }
        SpringApplication.run(RunledgerApplication.class, args);
    }
}
