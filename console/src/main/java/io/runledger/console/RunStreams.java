package io.runledger.console;

import java.io.InputStream;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A run's live status for the page: the API's own server-sent events ({@code GET /v1/orgs/{orgId}/runs/{runId}/stream}),
 * passed through as they come. A browser's {@code EventSource} cannot send a bearer token, so the console opens the
 * API's stream with the session's token and relays it; when the page goes away, the relay closes the API's stream.
 */
@RestController
record RunStreams(ConsoleApi api, ConsoleSession session) {

    @GetMapping(path = "/orgs/{orgId}/runs/{runId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<StreamingResponseBody> stream(
            @PathVariable UUID orgId, @PathVariable UUID runId, HttpServletRequest request) {
        String token = session.token(request).orElse(null);
        if (token == null) {
            return ResponseEntity.status(401).build();
        }
        InputStream events;
        try {
            events = api.stream(token, ConsoleApi.path("/v1/orgs/{orgId}/runs/{runId}/stream", orgId, runId));
        } catch (ApiProblem refused) {
            return ResponseEntity.status(refused.status()).build();
        }
        StreamingResponseBody relay = out -> {
            try (InputStream in = events) {
                byte[] buffer = new byte[8192];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .cacheControl(CacheControl.noStore())
                .header("X-Accel-Buffering", "no")
                .body(relay);
    }
}
