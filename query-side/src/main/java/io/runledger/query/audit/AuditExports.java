package io.runledger.query.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runledger.projections.audit.AuditTrail;
import io.runledger.query.paging.TimeRange;
import io.runledger.query.tenant.TenantReads;
import org.springframework.stereotype.Component;

/** Writes an org's audit export as the database streams it, for the API and the operators' command line alike. */
@Component
public record AuditExports(TenantReads reads, AuditTrail trail, ObjectMapper json) {

    /** @return how many events were written */
    public long write(UUID orgId, TimeRange range, AuditExportFormat format, OutputStream target) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 64 * 1024);
        long[] written = {0};
        try {
            format.header(out);
            reads.read(orgId, sql -> {
                trail.export(orgId, range.from(), range.to(), exported -> {
                    try {
                        format.write(json, exported, out);
                        written[0]++;
                    } catch (IOException clientGone) {
                        throw new UncheckedIOException(clientGone);
                    }
                });
                return null;
            });
        } finally {
            out.flush();
        }
        return written[0];
    }
}
