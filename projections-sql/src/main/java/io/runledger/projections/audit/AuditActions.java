package io.runledger.projections.audit;

import java.util.Locale;

/**
 * An event's action as the audit API names it: {@code <feature>.<what happened>} from its payload type, the
 * feature being the event's package and what happened its class name without the feature's words, in snake case:
 * {@code io.runledger.domain.run.RunQueued} is {@code run.queued}, {@code ...run.OutputProduced}
 * {@code run.output_produced}, {@code ...apikey.ApiKeyIssued} {@code apikey.issued}.
 */
public final class AuditActions {

    private AuditActions() {}

    public static String of(String payloadType) {
        int lastDot = payloadType.lastIndexOf('.');
        String name = payloadType.substring(lastDot + 1);
        int featureDot = payloadType.lastIndexOf('.', lastDot - 1);
        String feature = lastDot < 0 ? "" : payloadType.substring(featureDot + 1, lastDot);
        if (feature.isEmpty()) {
            return snake(name);
        }
        // drop the leading words that spell the feature (Run, ApiKey for apikey), if the name starts with them
        String rest = name;
        int i = 0;
        StringBuilder spelled = new StringBuilder();
        while (i < name.length()) {
            int end = i + 1;
            while (end < name.length() && !Character.isUpperCase(name.charAt(end))) {
                end++;
            }
            spelled.append(name, i, end);
            i = end;
            String sofar = spelled.toString().toLowerCase(Locale.ROOT);
            if (sofar.equals(feature)) {
                rest = name.substring(i);
                break;
            }
            if (!feature.startsWith(sofar)) {
                break;
            }
        }
        return feature + "." + (rest.isEmpty() ? snake(name) : snake(rest));
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
