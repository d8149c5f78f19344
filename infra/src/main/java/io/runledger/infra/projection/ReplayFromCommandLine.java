package io.runledger.infra.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.runledger.projections.ProjectionAdmin;
import io.runledger.projections.ReadModelProcessors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar runledger.jar --runledger.replay=all} (or a comma-separated list of read models): rebuilds
 * them from the event store, prints how long it took, and exits; without the option it does nothing. Run it
 * where no other instance is processing, or use {@code POST /v1/admin/projections/{name}/replay}.
 */
@Component
record ReplayFromCommandLine(ProjectionAdmin projections, ConfigurableApplicationContext context)
        implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReplayFromCommandLine.class);
    private static final String OPTION = "runledger.replay";

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (!args.containsOption(OPTION)) {
            return;
        }
        String requested = String.join(",", args.getOptionValues(OPTION));
        List<String> names = requested.equals("all") ? ReadModelProcessors.NAMES : List.of(requested.split(","));
        Instant started = Instant.now();
        projections.replay(names);
        while (!names.stream()
                .map(projections::state)
                .allMatch(state -> state.lagEvents() == 0 && !state.replaying())) {
            Thread.sleep(200);
        }
        long events = projections.state(names.get(0)).head();
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        log.info(
                "Replayed {} over {} events in {} s ({} events/s)",
                names,
                events,
                seconds,
                seconds == 0 ? events : Math.round(events / seconds));
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
