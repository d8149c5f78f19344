package io.runledger.infra.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.runledger.command.caller.Caller;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What sealing personal data costs per event, on the loaded store's own events: each written and read back by the
 * event serializer (sealing and opening every marked value) and by the plain Jackson serializer it wraps (what
 * {@code runledger.erasure.encrypt=false} writes and reads), with the metadata of a person acting over HTTP (their
 * email, address and user agent sealed too: the dearest case). The difference is the cost of encryption per event,
 * to compare with the cost per event of appending and of a replay measured in the same run. Timed as the thread's CPU
 * time, so that other processes taking turns on a shared machine do not count.
 */
record SealingCost(JdbcClient jdbc, Serializer sealing, Serializer plain) {

    private static final int SAMPLE = 20_000;
    private static final int ROUNDS = 5;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Microseconds per event: writing, then reading, sealed and plain. */
    record Result(double writeSealed, double writePlain, double readSealed, double readPlain) {
        double addedPerEvent() {
            return writeSealed - writePlain + readSealed - readPlain;
        }
    }

    private record Event(Object payload, MetaData metaData) {}

    Result measure() {
        List<Event> events = sample();
        Result result = null;
        for (int round = 0; round < ROUNDS; round++) { // the first rounds warm the JIT up; the last one counts
            result = round(events);
        }
        return result;
    }

    private Result round(List<Event> events) {
        List<SerializedObject<byte[]>[]> sealedForms = new ArrayList<>(events.size());
        List<SerializedObject<byte[]>[]> plainForms = new ArrayList<>(events.size());
        long t = THREADS.getCurrentThreadCpuTime();
        for (Event event : events) {
            sealedForms.add(write(sealing, event));
        }
        double writeSealed = micros(t, events.size());
        t = THREADS.getCurrentThreadCpuTime();
        for (Event event : events) {
            plainForms.add(write(plain, event));
        }
        double writePlain = micros(t, events.size());
        t = THREADS.getCurrentThreadCpuTime();
        for (SerializedObject<byte[]>[] stored : sealedForms) {
            read(stored);
        }
        double readSealed = micros(t, events.size());
        t = THREADS.getCurrentThreadCpuTime();
        for (SerializedObject<byte[]>[] stored : plainForms) {
            read(stored);
        }
        double readPlain = micros(t, events.size());
        return new Result(writeSealed, writePlain, readSealed, readPlain);
    }

    @SuppressWarnings("unchecked")
    private static SerializedObject<byte[]>[] write(Serializer serializer, Event event) {
        return new SerializedObject[] {
            serializer.serialize(event.payload(), byte[].class), serializer.serialize(event.metaData(), byte[].class)
        };
    }

    /** As a replay reads: always through the event serializer, which opens what is sealed. */
    private void read(SerializedObject<byte[]>[] stored) {
        sealing.deserialize(stored[0]);
        sealing.deserialize(stored[1]);
    }

    /** Stored events of the bulk load, read back, each given a person's HTTP metadata. */
    private List<Event> sample() {
        UUID person = jdbc.sql("select id from users limit 1")
                .query(UUID.class)
                .optional()
                .orElseGet(UUID::randomUUID);
        MetaData byHttp = MetaData.with(Caller.ACTOR, person.toString())
                .and(Caller.ACTOR_KIND, "user")
                .and(Caller.ACTOR_EMAIL, "ada@example.com")
                .and(Caller.CLIENT_ADDRESS, "203.0.113.7")
                .and(
                        Caller.USER_AGENT,
                        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0")
                .and(Caller.REQUEST_ID, UUID.randomUUID().toString())
                .and(Caller.CORRELATION_ID, UUID.randomUUID().toString());
        return jdbc.sql(
                        "select payload, payload_type, payload_revision from domain_event_entry order by global_index desc limit ?")
                .param(SAMPLE)
                .query((rs, n) -> new Event(
                        sealing.deserialize(new SimpleSerializedObject<>(
                                rs.getBytes(1), byte[].class, rs.getString(2), rs.getString(3))),
                        byHttp))
                .list();
    }

    private static double micros(long startedCpuNanos, int events) {
        return (THREADS.getCurrentThreadCpuTime() - startedCpuNanos) / 1e3 / events;
    }
}
