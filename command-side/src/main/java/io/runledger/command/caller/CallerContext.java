package io.runledger.command.caller;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The caller of the work running on this thread. Entry points (HTTP filters, workers, schedulers) bind it
 * around the work; {@link CallerMetadataInterceptor} reads it when a command is dispatched.
 */
public final class CallerContext {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private CallerContext() {}

    /** Ends a binding, restoring whatever was bound before it. */
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    public static Binding bind(Caller caller) {
        Caller outer = CURRENT.get();
        CURRENT.set(caller);
        return () -> {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        };
    }

    public static <T> T callAs(Caller caller, Supplier<T> work) {
        try (Binding ignored = bind(caller)) {
            return work.get();
        }
    }

    public static Optional<Caller> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
