package io.runledger.query.live;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.runledger.query.access.Readers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The shared poll of an instance's status streams, without a web server: a stream gives its place back to its
 * caller once it ends, which is how these tests see it end.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StatusStreamsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private record View(UUID id, String status) {}

    private final Map<UUID, String> statuses = new ConcurrentHashMap<>();
    /** Orgs whose read answers with something no stream can be given: a fault in one tenant's poll. */
    private final Set<UUID> faulty = ConcurrentHashMap.newKeySet();

    private final Map<UUID, AtomicInteger> readsOf = new ConcurrentHashMap<>();
    private final StatusStreams.Kind<View> runs =
            StatusStreams.Kind.endingAt(this::read, View::status, "succeeded", "failed");
    private final StatusStreams streams = new StatusStreams(new OneCaller(), Duration.ofMillis(20), WAIT, 2);

    @BeforeEach
    void start() {
        streams.start();
    }

    @AfterEach
    void stop() {
        streams.stop();
    }

    private Map<UUID, View> read(UUID orgId, Collection<UUID> ids) {
        readsOf.computeIfAbsent(orgId, any -> new AtomicInteger()).incrementAndGet();
        if (faulty.contains(orgId)) {
            return null;
        }
        return ids.stream()
                .filter(statuses::containsKey)
                .collect(Collectors.toMap(Function.identity(), id -> new View(id, statuses.get(id))));
    }

    private UUID queued() {
        UUID run = UUID.randomUUID();
        statuses.put(run, "queued");
        return run;
    }

    /** Waits until the caller, who holds as many streams as it may, can follow one more. */
    private void awaitAPlaceFreed() {
        await().atMost(WAIT).untilAsserted(() -> assertThatCode(() -> streams.follow(runs, UUID.randomUUID(), queued()))
                .doesNotThrowAnyException());
    }

    @Test
    void a_stream_ends_with_its_run_and_gives_its_place_back() {
        UUID org = UUID.randomUUID();
        UUID run = queued();
        streams.follow(runs, org, run);
        streams.follow(runs, org, queued());

        statuses.put(run, "succeeded");

        awaitAPlaceFreed();
    }

    @Test
    void a_poll_that_fails_for_one_org_ends_that_orgs_streams_and_the_others_go_on() {
        UUID faultyOrg = UUID.randomUUID();
        UUID otherOrg = UUID.randomUUID();
        streams.follow(runs, faultyOrg, queued());
        UUID other = queued();
        streams.follow(runs, otherOrg, other);

        // its first view is read on its own; once read again, it is in the shared poll, which is what must go on
        await().atMost(WAIT).until(() -> readsOf.get(faultyOrg).get() >= 2);
        faulty.add(faultyOrg);
        awaitAPlaceFreed(); // the faulty org's stream ended

        statuses.put(other, "failed");
        awaitAPlaceFreed(); // the other org's poll went on, to its run's end
    }

    /** The caller every stream of these tests belongs to. */
    private static final class OneCaller implements Readers {

        @Override
        public Map<String, String> callerMetadata() {
            return Map.of("actor", "user:tester");
        }

        @Override
        public void requireReader(UUID orgId) {}

        @Override
        public void requireAdmin(UUID orgId) {}

        @Override
        public List<UUID> readableOrgs() {
            return List.of();
        }

        @Override
        public void requirePlatformAdmin() {}

        @Override
        public boolean runExists(UUID orgId, UUID runId) {
            return true;
        }

        @Override
        public boolean generationExists(UUID orgId, UUID generationId) {
            return true;
        }
    }
}
