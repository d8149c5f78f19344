package io.runledger.console;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Flow;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * A run's live status for the page: the API's own server-sent events ({@code GET /v1/orgs/{orgId}/runs/{runId}/stream}),
 * passed through as they come. A browser's {@code EventSource} cannot send a bearer token, so the console opens the
 * API's stream with the session's token and relays it; when the page goes away, the relay closes the API's stream.
 * <p>
 * A relay holds no thread while it waits (the HTTP client hands it each chunk), so the pages following runs are not
 * bounded by a pool of threads, and it lasts as long as the API's stream rather than the servlet container's async
 * timeout.
 */
@RestController
record RunStreams(ConsoleApi api, ConsoleSession session) {

    @GetMapping(path = "/orgs/{orgId}/runs/{runId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<ResponseBodyEmitter> stream(
            @PathVariable UUID orgId, @PathVariable UUID runId, HttpServletRequest request) {
        String token = session.token(request).orElse(null);
        if (token == null) {
            return ResponseEntity.status(401).build();
        }
        ResponseBodyEmitter page = new ResponseBodyEmitter(ConsoleApi.STREAM_LIMIT.toMillis());
        Relay relay = new Relay(page);
        page.onCompletion(relay::cancel);
        page.onTimeout(relay::cancel);
        page.onError(gone -> relay.cancel());
        String path = ConsoleApi.path("/v1/orgs/{orgId}/runs/{runId}/stream", orgId, runId);
        int status = api.stream(token, path, relay);
        if (status >= 400) {
            return ResponseEntity.status(status).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .cacheControl(CacheControl.noStore())
                .header("X-Accel-Buffering", "no")
                .body(page);
    }

    /** Passes the API's bytes to the page one chunk at a time, asking for the next once one is written. */
    private static final class Relay implements Flow.Subscriber<List<ByteBuffer>> {

        private final ResponseBodyEmitter page;
        private volatile Flow.Subscription api;
        private volatile boolean cancelled;

        private Relay(ResponseBodyEmitter page) {
            this.page = page;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            api = subscription;
            if (cancelled) {
                subscription.cancel();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> chunk) {
            byte[] bytes =
                    new byte[chunk.stream().mapToInt(ByteBuffer::remaining).sum()];
            ByteBuffer joined = ByteBuffer.wrap(bytes);
            chunk.forEach(joined::put);
            try {
                page.send(bytes, MediaType.TEXT_EVENT_STREAM);
                api.request(1);
            } catch (IOException | IllegalStateException pageGone) {
                cancel();
            }
        }

        @Override
        public void onError(Throwable apiGone) {
            page.completeWithError(apiGone);
        }

        @Override
        public void onComplete() {
            page.complete();
        }

        /** The page went away: the API's stream is closed, which ends it there too. */
        void cancel() {
            cancelled = true;
            Flow.Subscription subscription = api;
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }
}
