package io.runledger.domain.shared;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.DynamicTest;

/**
 * The verdicts aggregate tests give a command after a history, on the test's own fixture: refused, already done, or
 * recorded. Each returns or ends in the fixture's own expectations, so a test fails as it would written out. The
 * tables ({@link #refuseEach}, {@link #acceptEach}) make one test of each row, for rules whose cases differ only in
 * data; the rows of a table share the test's fixture, and each starts over from its own history ({@code given}).
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

    /** A row of {@link #refuseEach}: after {@code history}, {@code command} fails with {@code why} saying {@code message}. */
    public record Refusal(List<?> history, Object command, Class<? extends Throwable> why, String message) {

        /** The command's own values break a rule, whatever the state. */
        public static Refusal invalid(List<?> history, Object command, String message) {
            return new Refusal(history, command, InvalidCommand.class, message);
        }

        /**
         * The aggregate's state does not allow the command; {@code refusal} names the state and the attempt, as in
         * {@code "QUEUED; cannot succeed it"}, after the aggregate's name and id.
         */
        public static Refusal illegal(String aggregate, Object id, List<?> history, Object command, String refusal) {
            return new Refusal(history, command, IllegalTransition.class, aggregate + " " + id + " is " + refusal);
        }
    }

    /** A row of {@link #acceptEach}: after {@code history}, {@code command} records {@code events}. */
    public record Case(List<?> history, Object command, List<?> events) {

        /** With no events, the command changes nothing. */
        public static Case of(List<?> history, Object command, Object... events) {
            return new Case(history, command, List.of(events));
        }

        /** "after AudioAnalysisStarted, RecordAudioAnalysis records AudioAnalysisRecorded" */
        String name() {
            String after = history.isEmpty() ? "first" : "after " + simpleName(history.get(history.size() - 1));
            String records = events.isEmpty()
                    ? "changes nothing"
                    : "records " + events.stream().map(Verdicts::simpleName).collect(Collectors.joining(", "));
            return after + ", " + simpleName(command) + " " + records;
        }
    }

    /** One test a row, named by its command and message: each command is refused with its message. */
    public Stream<DynamicTest> refuseEach(Refusal... refusals) {
        return Stream.of(refusals)
                .map(refusal -> DynamicTest.dynamicTest(
                        simpleName(refusal.command()) + " refused: " + refusal.message(),
                        () -> refused(refusal.history(), refusal.command(), refusal.why())
                                .expectExceptionMessage(refusal.message())));
    }

    /** One test a row: each command succeeds and records exactly its events. */
    public Stream<DynamicTest> acceptEach(Case... cases) {
        return Stream.of(cases)
                .map(sample -> DynamicTest.dynamicTest(sample.name(), () -> fixture.given(sample.history())
                        .when(sample.command())
                        .expectSuccessfulHandlerExecution()
                        .expectEvents(sample.events().toArray())));
    }

    private static String simpleName(Object message) {
        return message.getClass().getSimpleName();
    }
}
