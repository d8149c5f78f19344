package io.runledger.domain.shared;

import java.util.List;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;

/**
 * The two verdicts most aggregate tests give a command after a history, on the test's own fixture: refused, or
 * already done. Each returns or ends in the fixture's own expectations, so a test fails as it would written out.
 */
public record Verdicts<A>(FixtureConfiguration<A> fixture) {

    /** A history and the events that came after it. */
    public static List<Object> then(List<Object> history, Object... next) {
        return Stream.concat(history.stream(), Stream.of(next)).toList();
    }

    /** The aggregate refuses {@code command} with {@code why} and records nothing. */
    public ResultValidator<A> refused(List<?> history, Object command, Class<? extends Throwable> why) {
        return fixture.given(history).when(command).expectException(why).expectNoEvents();
    }

    /** {@code command} asks for what the aggregate already is or did: it succeeds and records nothing. */
    public void changesNothing(List<?> history, Object command) {
        fixture.given(history).when(command).expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
