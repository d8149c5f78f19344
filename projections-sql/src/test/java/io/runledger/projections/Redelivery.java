package io.runledger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An event handled again over rows it already wrote (a dead letter retried, a token moved back; a crashed batch
 * leaves no rows, since its token commits with them): the second handling must leave the rows exactly as the first
 * left them (nothing counted twice, nothing taken back).
 */
public final class Redelivery {

    private Redelivery() {}

    /** Runs {@code handling} twice and checks that {@code rows}, read after each, are not empty and the same. */
    public static void changesNothing(Supplier<List<Map<String, Object>>> rows, Runnable handling) {
        handling.run();
        List<Map<String, Object>> once = rows.get();
        handling.run();
        assertThat(once).as("the rows the event left").isNotEmpty();
        assertThat(rows.get()).as("the rows after the same event again").isEqualTo(once);
    }
}
