package io.runledger.projections.systemlog;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** How an event reads in the system log: its action, outcome and a sentence built from its values. */
record LogLine(String actionType, LogStatus status, String message, String errorMessage) {

    enum LogStatus {
        STARTED,
        SUCCESS,
        WARNING,
        ERROR;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** A warning or an error is a severity of its own; a start or a success is information. */
        String severity() {
            return this == WARNING || this == ERROR ? code() : "info";
        }
    }

    private record Wording(LogStatus status, String template) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z.]+)}");
    private static final Pattern WORD_START = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    /** By event type; {field} and {nested.field} are the event's values. Others read as their name ("Org renamed"). */
    private static final Map<String, Wording> WORDINGS = Map.ofEntries(
            Map.entry("OrgCreated", new Wording(LogStatus.SUCCESS, "Org \"{name}\" created")),
            Map.entry("OrgRenamed", new Wording(LogStatus.SUCCESS, "Org renamed to \"{name}\"")),
            Map.entry("MemberAdded", new Wording(LogStatus.SUCCESS, "Member {userId} added as {role}")),
            Map.entry(
                    "MemberRoleChanged",
                    new Wording(LogStatus.SUCCESS, "Member {userId} changed from {previousRole} to {role}")),
            Map.entry("MemberRemoved", new Wording(LogStatus.WARNING, "Member {userId} removed (was {previousRole})")),
            Map.entry(
                    "SubscriptionStarted",
                    new Wording(
                            LogStatus.SUCCESS, "Subscription started on the {plan} plan, trial until {trialEndsAt}")),
            Map.entry(
                    "SubscriptionActivated", new Wording(LogStatus.SUCCESS, "Subscription active on the {plan} plan")),
            Map.entry(
                    "SubscriptionPlanChanged",
                    new Wording(LogStatus.SUCCESS, "Plan changed from {previousPlan} to {plan}")),
            Map.entry(
                    "SubscriptionMarkedPastDue", new Wording(LogStatus.WARNING, "Payment past due on the {plan} plan")),
            Map.entry(
                    "SubscriptionMarkedUnpaid",
                    new Wording(LogStatus.WARNING, "Subscription unpaid on the {plan} plan")),
            Map.entry("SubscriptionCanceled", new Wording(LogStatus.WARNING, "Subscription canceled")),
            Map.entry(
                    "DeadLettersEvicted",
                    new Wording(
                            LogStatus.WARNING,
                            "An operator dropped this org's parked events from {processor} (reason: {reason})")),
            Map.entry(
                    "TrialEnded",
                    new Wording(LogStatus.WARNING, "Trial ended at {trialEndedAt}; new work waits for a paid plan")),
            Map.entry(
                    "StripeCustomerLinked",
                    new Wording(LogStatus.SUCCESS, "Stripe customer {stripeCustomerId} linked")),
            Map.entry(
                    "StripeSubscriptionLinked",
                    new Wording(LogStatus.SUCCESS, "Stripe subscription {stripeSubscriptionId} linked")),
            Map.entry("UserRegistered", new Wording(LogStatus.SUCCESS, "User {email} registered")),
            Map.entry("AuthIdentityLinked", new Wording(LogStatus.SUCCESS, "Sign-in with {provider} linked")),
            Map.entry("PatternRegistered", new Wording(LogStatus.SUCCESS, "Pattern {name} registered")),
            Map.entry("PatternUpdated", new Wording(LogStatus.SUCCESS, "Pattern {name} updated")),
            Map.entry(
                    "RunQueued",
                    new Wording(LogStatus.STARTED, "Run queued ({inputSource} input, strategy {strategy})")),
            Map.entry(
                    "RunStarted",
                    new Wording(LogStatus.STARTED, "Run started by worker {workerId} (attempt {attempt})")),
            Map.entry("OutputProduced", new Wording(LogStatus.SUCCESS, "Output {outputId} produced")),
            Map.entry("UsageRecorded", new Wording(LogStatus.SUCCESS, "Usage recorded: {quantity} of {meter}")),
            Map.entry("RunSucceeded", new Wording(LogStatus.SUCCESS, "Run succeeded with {outputCount} output(s)")),
            Map.entry("RunFailed", new Wording(LogStatus.ERROR, "Run failed: {error}")),
            Map.entry("RunRequeued", new Wording(LogStatus.WARNING, "Run requeued after attempt {attempt}: {reason}")),
            Map.entry("ProjectCreated", new Wording(LogStatus.SUCCESS, "Project \"{details.name}\" created")),
            Map.entry("ProjectUpdated", new Wording(LogStatus.SUCCESS, "Project \"{details.name}\" updated")),
            Map.entry(
                    "ProjectGenerationQueued",
                    new Wording(LogStatus.STARTED, "Generation #{generationNumber} queued with seed {seed}")),
            Map.entry(
                    "ProjectGenerationFinished",
                    new Wording(LogStatus.SUCCESS, "Project's generation finished: {projectStatus}")),
            Map.entry(
                    "GenerationRequested",
                    new Wording(LogStatus.STARTED, "Generation #{generationNumber} requested with seed {seed}")),
            Map.entry(
                    "AudioAnalysisStarted",
                    new Wording(LogStatus.STARTED, "Audio analysis started by worker {workerId} (attempt {attempt})")),
            Map.entry("AudioAnalysisRecorded", new Wording(LogStatus.SUCCESS, "Audio analysis recorded")),
            Map.entry("VisualPlanRecorded", new Wording(LogStatus.SUCCESS, "Visual plan recorded")),
            Map.entry("RenderingStarted", new Wording(LogStatus.STARTED, "Rendering started")),
            Map.entry("GenerationCompleted", new Wording(LogStatus.SUCCESS, "Generation completed: {videoUrl}")),
            Map.entry("GenerationFailed", new Wording(LogStatus.ERROR, "Generation failed: {errorMessage}")),
            Map.entry(
                    "GenerationRequeued",
                    new Wording(LogStatus.WARNING, "Generation requeued after attempt {attempt}: {reason}")),
            Map.entry("ApiKeyIssued", new Wording(LogStatus.SUCCESS, "API key \"{name}\" issued with role {role}")),
            Map.entry("ApiKeyRevoked", new Wording(LogStatus.WARNING, "API key {keyId} revoked")),
            Map.entry("InvitationSent", new Wording(LogStatus.SUCCESS, "{email} invited as {role}, until {expiresAt}")),
            Map.entry(
                    "InvitationAccepted", new Wording(LogStatus.SUCCESS, "{email} accepted the invitation as {role}")),
            Map.entry("InvitationRevoked", new Wording(LogStatus.WARNING, "Invitation of {email} revoked")),
            Map.entry(
                    "InvitationExpired",
                    new Wording(LogStatus.WARNING, "Invitation of {email} expired at {expiredAt}")));

    static LogLine of(Object event, JsonNode values) {
        String type = event.getClass().getSimpleName();
        String[] words = WORD_START.split(type);
        Wording wording = WORDINGS.getOrDefault(type, new Wording(LogStatus.SUCCESS, String.join(" ", words)));
        String message = fill(wording.template(), values);
        String actionType = String.join("_", words).toLowerCase(Locale.ROOT);
        String error = values.path("error").asText(values.path("errorMessage").asText(null));
        return new LogLine(actionType, wording.status(), message, wording.status() == LogStatus.ERROR ? error : null);
    }

    private static String fill(String template, JsonNode values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            JsonNode value = values;
            for (String field : placeholder.group(1).split("\\.")) {
                value = value.path(field);
            }
            String text = value.isMissingNode() || value.isNull() ? "-" : text(value);
            if (isCode(value)) {
                text = text.toLowerCase(Locale.ROOT);
            }
            if (placeholder.group(1).equals("meter")) {
                text = text.replace('_', '.'); // a meter reads as its usage_events code: tokens.used
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(text));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    /** Numbers in plain notation: a quantity of 100 reads 100, not the 1E+2 Jackson's tree makes of it. */
    private static String text(JsonNode value) {
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }

    /** Enum values (plans, roles, statuses) read in lower case, as the API writes them. */
    private static boolean isCode(JsonNode value) {
        return value.isTextual() && value.asText().matches("[A-Z][A-Z_]*");
    }
}
