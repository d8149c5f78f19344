package io.runledger.domain.shared;

/** A lifecycle command arrived in a state that does not allow it, e.g. "Run 42 is FAILED; cannot start it". */
public class IllegalTransition extends DomainRuleViolation {
    private final String aggregate;
    private final String aggregateId;
    private final String currentState;
    private final String attempted;

    public IllegalTransition(String aggregate, Object aggregateId, Enum<?> currentState, String attempted) {
        super("%s %s is %s; cannot %s".formatted(aggregate, aggregateId, currentState, attempted));
        this.aggregate = aggregate;
        this.aggregateId = String.valueOf(aggregateId);
        this.currentState = currentState.name();
        this.attempted = attempted;
    }

    public String aggregate() {
        return aggregate;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public String currentState() {
        return currentState;
    }

    public String attempted() {
        return attempted;
    }
}
