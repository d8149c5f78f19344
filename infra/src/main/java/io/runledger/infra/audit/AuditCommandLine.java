package io.runledger.infra.audit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The jar's {@code audit} commands that need no service: {@code java -jar runledger.jar audit verify --export=…
 * --digests=… --public-key=…} ({@link OfflineAuditVerifier}). The export, which reads the database, is the
 * application's own option ({@code --runledger.audit.export.org-id}, {@link AuditExportFromCommandLine}).
 */
public final class AuditCommandLine {

    private AuditCommandLine() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("audit");
    }

    /** @return the process's exit status */
    public static int run(String[] args) {
        if (args.length < 2 || !args[1].equals("verify")) {
            System.err.println(
                    "usage: java -jar runledger.jar audit verify --export=<file.ndjson> --digests=<file.json> "
                            + "--public-key=<file.pem>");
            return 2;
        }
        Map<String, String> options = new LinkedHashMap<>();
        Arrays.stream(args)
                .skip(2)
                .filter(arg -> arg.startsWith("--") && arg.contains("="))
                .forEach(arg -> options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1)));
        return OfflineAuditVerifier.run(options);
    }
}
