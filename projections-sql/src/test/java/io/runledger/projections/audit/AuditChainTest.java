package io.runledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The chain arithmetic the service and the offline verifier share: what each kind of tampering looks like. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuditChainTest {

    private static final UUID ORG = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-001122334455");
    private final KeyPair key = ed25519();

    private static AuditChain.StoredEvent event(long position, String payload) {
        return new AuditChain.StoredEvent(
                position,
                "event-" + position,
                "io.runledger.domain.run.RunQueued",
                "2026-12-02T10:00:0" + (position % 10) + "Z",
                payload.getBytes(StandardCharsets.UTF_8),
                ("{\"actor\":\"u-" + position + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Three events chained as the processor chains them: their links, in order. */
    private static byte[][] chain(AuditChain.StoredEvent... events) {
        byte[][] links = new byte[events.length][];
        byte[] previous = AuditChain.genesis();
        for (int i = 0; i < events.length; i++) {
            links[i] = AuditChain.link(previous, events[i]);
            previous = links[i];
        }
        return links;
    }

    private AuditChain.Digest digest(long chainSequence, long position, byte[] link) throws Exception {
        String signedAt = "2026-12-02T11:00:00Z";
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(AuditChain.digestStatement(ORG, chainSequence, position, link, signedAt));
        return new AuditChain.Digest(
                ORG, 1, chainSequence, position, link, signedAt, AuditChain.keyId(key.getPublic()), signer.sign());
    }

    private static void assertMismatch(
            Optional<AuditChain.Mismatch> mismatch, long position, AuditChain.Reason reason) {
        assertThat(mismatch)
                .get()
                .extracting(AuditChain.Mismatch::position, AuditChain.Mismatch::reason)
                .containsExactly(position, reason);
    }

    private Optional<AuditChain.Mismatch> walk(
            List<AuditChain.Digest> digests, long[] sequences, AuditChain.StoredEvent[] stored, byte[][] recorded) {
        AuditChain.Walk walk = new AuditChain.Walk(digests, key.getPublic(), 0, AuditChain.genesis());
        for (int i = 0; i < stored.length; i++) {
            walk.chained(sequences[i], stored[i], recorded[i]);
        }
        return walk.finish();
    }

    @Test
    void the_first_link_is_the_sha256_of_32_zero_bytes_and_the_length_prefixed_fields() throws Exception {
        AuditChain.StoredEvent first = event(7, "{\"runId\":\"r\"}");

        byte[] link = AuditChain.link(AuditChain.genesis(), first);

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(new byte[32]);
        sha256.update(AuditChain.encode(first));
        assertThat(link).hasSize(32).isEqualTo(sha256.digest());
        // event id (4 + 7), type (4 + 33), position (8), timestamp (4 + 20), payload (4 + 13), metadata (4 + 15)
        assertThat(AuditChain.encode(first)).hasSize(4 + 7 + 4 + 33 + 8 + 4 + 20 + 4 + 13 + 4 + 15);
    }

    @Test
    void given_an_untouched_chain_and_its_digest_when_walked_then_it_verifies_every_event() throws Exception {
        AuditChain.StoredEvent[] events = {event(3, "{\"a\":1}"), event(5, "{\"a\":2}"), event(9, "{\"a\":3}")};
        byte[][] links = chain(events);

        AuditChain.Walk walk =
                new AuditChain.Walk(List.of(digest(3, 9, links[2])), key.getPublic(), 0, AuditChain.genesis());
        for (int i = 0; i < events.length; i++) {
            assertThat(walk.chained(i + 1, events[i], links[i])).isTrue();
        }

        assertThat(walk.finish()).isEmpty();
        assertThat(walk.checked()).isEqualTo(3);
    }

    @Test
    void given_one_payload_byte_changed_when_walked_then_that_event_is_reported_changed() throws Exception {
        AuditChain.StoredEvent[] events = {event(3, "{\"a\":1}"), event(5, "{\"a\":2}"), event(9, "{\"a\":3}")};
        byte[][] links = chain(events);
        AuditChain.StoredEvent[] stored = {events[0], event(5, "{\"a\":7}"), events[2]};

        Optional<AuditChain.Mismatch> mismatch = walk(List.of(), new long[] {1, 2, 3}, stored, links);

        assertThat(mismatch)
                .get()
                .extracting(AuditChain.Mismatch::position, AuditChain.Mismatch::eventId, AuditChain.Mismatch::reason)
                .containsExactly(5L, "event-5", AuditChain.Reason.CHANGED);
    }

    @Test
    void given_the_metadata_changed_when_walked_then_that_event_is_reported_changed() {
        AuditChain.StoredEvent[] events = {event(3, "{\"a\":1}"), event(5, "{\"a\":2}")};
        byte[][] links = chain(events);
        AuditChain.StoredEvent edited = new AuditChain.StoredEvent(
                5,
                "event-5",
                events[1].type(),
                events[1].timestamp(),
                events[1].payload(),
                "{\"actor\":\"someone-else\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(walk(List.of(), new long[] {1, 2}, new AuditChain.StoredEvent[] {events[0], edited}, links))
                .get()
                .extracting(AuditChain.Mismatch::reason)
                .isEqualTo(AuditChain.Reason.CHANGED);
    }

    @Test
    void given_a_chain_sequence_skipped_when_walked_then_an_event_is_reported_missing_before_the_next() {
        AuditChain.StoredEvent[] events = {event(3, "{\"a\":1}"), event(5, "{\"a\":2}"), event(9, "{\"a\":3}")};
        byte[][] links = chain(events);

        Optional<AuditChain.Mismatch> mismatch =
                walk(List.of(), new long[] {1, 3}, new AuditChain.StoredEvent[] {events[0], events[2]}, new byte[][] {
                    links[0], links[2]
                });

        assertMismatch(mismatch, 9L, AuditChain.Reason.MISSING);
    }

    @Test
    void given_a_sequence_that_comes_twice_when_walked_then_the_second_is_reported_inserted() {
        AuditChain.StoredEvent[] events = {event(3, "{\"a\":1}"), event(5, "{\"a\":2}")};
        byte[][] links = chain(events);

        Optional<AuditChain.Mismatch> mismatch = walk(
                List.of(),
                new long[] {1, 2, 2},
                new AuditChain.StoredEvent[] {events[0], events[1], event(6, "{\"forged\":true}")},
                new byte[][] {links[0], links[1], links[1]});

        assertMismatch(mismatch, 6L, AuditChain.Reason.INSERTED);
    }

    @Test
    void given_an_event_changed_and_every_later_link_rewritten_when_walked_then_the_signed_digest_disagrees()
            throws Exception {
        AuditChain.StoredEvent[] events = {event(3, "{\"a\":1}"), event(5, "{\"a\":2}")};
        byte[][] links = chain(events);
        AuditChain.Digest signed = digest(2, 5, links[1]);
        AuditChain.StoredEvent[] rewritten = {event(3, "{\"a\":9}"), events[1]};

        Optional<AuditChain.Mismatch> mismatch = walk(List.of(signed), new long[] {1, 2}, rewritten, chain(rewritten));

        assertMismatch(mismatch, 5L, AuditChain.Reason.SIGNATURE);
    }

    @Test
    void given_a_digest_whose_signature_is_not_the_keys_when_walked_then_the_signature_is_reported_broken()
            throws Exception {
        AuditChain.StoredEvent[] events = {event(3, "{\"a\":1}")};
        byte[][] links = chain(events);
        AuditChain.Digest good = digest(1, 3, links[0]);
        byte[] flipped = good.signature().clone();
        flipped[0] ^= 1;
        AuditChain.Digest forged =
                new AuditChain.Digest(ORG, 1, 1, 3, links[0], good.signedAt(), good.keyId(), flipped);

        assertThat(good.signedBy(key.getPublic())).isTrue();
        assertThat(walk(List.of(forged), new long[] {1}, events, links))
                .get()
                .extracting(AuditChain.Mismatch::reason)
                .isEqualTo(AuditChain.Reason.SIGNATURE);
    }

    @Test
    void given_a_digest_beyond_the_last_event_when_walked_then_the_events_after_the_end_are_missing() throws Exception {
        AuditChain.StoredEvent[] events = {event(3, "{\"a\":1}"), event(5, "{\"a\":2}")};
        byte[][] links = chain(events);

        Optional<AuditChain.Mismatch> truncated = walk(
                List.of(digest(2, 5, links[1])),
                new long[] {1},
                new AuditChain.StoredEvent[] {events[0]},
                new byte[][] {links[0]});

        assertThat(truncated).get().extracting(AuditChain.Mismatch::reason).isEqualTo(AuditChain.Reason.MISSING);
    }

    @Test
    void a_walk_may_start_at_a_digest_from_the_link_it_signed() {
        AuditChain.StoredEvent[] events = {event(3, "{\"a\":1}"), event(5, "{\"a\":2}")};
        byte[][] links = chain(events);

        AuditChain.Walk walk = new AuditChain.Walk(List.of(), key.getPublic(), 1, links[0]);

        assertThat(walk.chained(2, events[1], links[1])).isTrue();
        assertThat(walk.finish()).isEmpty();
    }

    @Test
    void actions_are_the_feature_and_what_happened_in_snake_case() {
        assertThat(AuditActions.of("io.runledger.domain.run.RunQueued")).isEqualTo("run.queued");
        assertThat(AuditActions.of("io.runledger.domain.run.OutputProduced")).isEqualTo("run.output_produced");
        assertThat(AuditActions.of("io.runledger.domain.apikey.ApiKeyIssued")).isEqualTo("apikey.issued");
        assertThat(AuditActions.of("io.runledger.domain.subscription.SubscriptionMarkedPastDue"))
                .isEqualTo("subscription.marked_past_due");
        assertThat(AuditActions.of("io.runledger.domain.subscription.TrialEnded"))
                .isEqualTo("subscription.trial_ended");
        assertThat(AuditActions.of("io.runledger.domain.org.OrgCreated")).isEqualTo("org.created");
        assertThat(AuditActions.of("io.runledger.domain.operations.DeadLettersEvicted"))
                .isEqualTo("operations.dead_letters_evicted");
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
