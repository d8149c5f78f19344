package io.runledger.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real answers of the API, a few of each kind, as the tests got them: {@code scripts/typed-client-check.sh}
 * compiles them against a TypeScript client generated from the OpenAPI document, so a field the document
 * leaves out, or types otherwise, fails that check.
 */
final class RecordedAnswers {

    private static final int PER_KIND = 3;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Integer> recorded = new ConcurrentHashMap<>();

    RecordedAnswers(Path file) {
        this.file = file;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void record(String method, String path, int status, byte[] body) {
        String kind = method + " " + ID.matcher(path).replaceAll("{id}") + " " + status;
        if (recorded.merge(kind, 1, Integer::sum) > PER_KIND || !Files.isDirectory(file.getParent())) {
            return;
        }
        try {
            String line = JSON.writeValueAsString(Map.of("method", method, "path", path, "status", status,
                    "body", JSON.readTree(body))) + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
