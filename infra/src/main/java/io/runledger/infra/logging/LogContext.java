package io.runledger.infra.logging;

import java.util.Map;

import io.runledger.command.caller.Caller;
import org.slf4j.MDC;

/** The ids in the logging context (MDC) for a piece of work; what was there before comes back after it. */
final class LogContext {

    /** Ends the work's ids. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private LogContext() {}

    /** Absent ids are left out rather than logged as empty. */
    static Scope withIds(String requestId, String correlationId) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        put(Caller.REQUEST_ID, requestId);
        put(Caller.CORRELATION_ID, correlationId);
        return () -> {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        };
    }

    private static void put(String key, String value) {
        if (value == null || value.isBlank()) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
