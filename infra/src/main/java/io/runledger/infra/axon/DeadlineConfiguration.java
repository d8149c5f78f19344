package io.runledger.infra.axon;

import java.time.Clock;

import io.runledger.command.caller.DeadlineCallerInterceptor;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deadlines (a trial's end) are rows of db-scheduler's {@code scheduled_tasks} (V32): the db-scheduler starter
 * builds the scheduler on the application's DataSource, transaction-aware, so a deadline is stored with the
 * events of the command that scheduled it, and Axon auto-configures its {@code DbSchedulerDeadlineManager} on
 * it. Every instance polls the table and each due deadline runs on one of them. Settings: {@code db-scheduler.*}.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    /** The scheduler tells time by the application's clock, the one the domain's deadlines are computed with. */
    @Bean
    com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock clock) {
        return clock::instant;
    }

    /**
     * The events a deadline causes carry audit metadata like every other event. Axon's deadline managers start
     * their unit of work without the correlation data providers its buses apply, so they are added here.
     */
    @Bean
    InitializingBean deadlinesFireAsRunledger(DeadlineManager deadlines, org.axonframework.config.Configuration axon) {
        return () -> {
            deadlines.registerHandlerInterceptor(new DeadlineCallerInterceptor());
            deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        };
    }
}
