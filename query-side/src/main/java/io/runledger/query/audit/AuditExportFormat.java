package io.runledger.query.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runledger.projections.audit.AuditTrail;
import io.runledger.query.QueryProblems;

/**
 * The audit export's formats. NDJSON: one line per event, the API's item and, under {@code stored}, the event as
 * stored (payload and metadata base64, its chain sequence and links) so the chain can be checked from the export
 * alone. CSV: the item's fields in columns, {@code data} as JSON, for spreadsheets (not verifiable).
 */
public enum AuditExportFormat {
    NDJSON("application/x-ndjson", "ndjson") {
        @Override
        void write(ObjectMapper json, AuditTrail.Exported exported, Writer out) throws IOException {
            ObjectNode line = json.valueToTree(exported.entry());
            line.set("stored", json.valueToTree(exported.stored()));
            out.write(json.writeValueAsString(line));
            out.write('\n');
        }
    },
    CSV("text/csv", "csv") {
        @Override
        void header(Writer out) throws IOException {
            out.write(
                    "position,eventId,action,occurredAt,actorId,actorKind,actorEmail,clientAddress,userAgent,requestId,"
                            + "correlationId,targetType,targetId,chainSequence,link,data\r\n");
        }

        @Override
        void write(ObjectMapper json, AuditTrail.Exported exported, Writer out) throws IOException {
            AuditTrail.Entry entry = exported.entry();
            AuditTrail.Target target = entry.target();
            out.write(Arrays.stream(new Object[] {
                        entry.position(),
                        entry.eventId(),
                        entry.action(),
                        entry.occurredAt(),
                        entry.actor().id(),
                        entry.actor().kind(),
                        entry.actor().email(),
                        entry.clientAddress(),
                        entry.userAgent(),
                        entry.requestId(),
                        entry.correlationId(),
                        target == null ? null : target.type(),
                        target == null ? null : target.id(),
                        exported.stored().chainSequence(),
                        exported.stored().link(),
                        json.writeValueAsString(entry.data())
                    })
                    .map(AuditExportFormat::cell)
                    .collect(Collectors.joining(",")));
            out.write("\r\n");
        }
    };

    public final String contentType;
    public final String extension;

    AuditExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public static AuditExportFormat of(String format) {
        return Arrays.stream(values())
                .filter(value -> value.extension.equals(format))
                .findFirst()
                .orElseThrow(() -> QueryProblems.invalidParameter("format must be ndjson or csv"));
    }

    void header(Writer out) throws IOException {}

    abstract void write(ObjectMapper json, AuditTrail.Exported exported, Writer out) throws IOException;

    /** RFC 4180: quoted when it holds a comma, quote or line break; a leading formula character is quoted out of reach. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches("(?s).*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
