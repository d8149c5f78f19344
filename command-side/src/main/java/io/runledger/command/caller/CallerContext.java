package io.runledger.command.caller;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The caller of the work running on this thread. Entry points (HTTP filters, workers, schedulers) bind it
 * around the work; {@link CallerMetadataInterceptor} reads it when a command is dispatched.
 */
public final class CallerContext {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private CallerContext() {
    }

    public static <T> T callAs(Caller caller, Supplier<T> work) {
        Caller outer = CURRENT.get();
        CURRENT.set(caller);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    public static Optional<Caller> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
