package io.runledger.projections.systemlog;

import java.util.List;
import java.util.UUID;

import io.runledger.domain.org.OrgErased;
import io.runledger.domain.shared.DataSubject;
import io.runledger.domain.shared.Platform;
import io.runledger.domain.user.UserErased;
import io.runledger.projections.ReadModelProcessors;
import io.runledger.projections.ReadModelProjector;
import io.runledger.projections.ReadModels;
import org.axonframework.eventhandling.EventHandler;

/**
 * Overwrites, in {@code system_logs}, what was logged from a subject's personal data before its key was destroyed,
 * with what a replay now gives: the subject's placeholder (docs/erasure.md). Events handled after the key is gone
 * read as the placeholder by themselves; this covers the rows written before. Each other read model does the same
 * for its own tables in its projector; the system log's part is a class of its own because
 * {@link SystemLogProjector} logs every tenant event with one handler, which a handler of these types beside it
 * would take the place of.
 */
@ReadModelProjector(processingGroup = ReadModelProcessors.SYSTEM_LOGS)
public record SystemLogErasure(ReadModels models) {

    /** The system log's copies of a person's marked values ({@code details.event}) and of the audit metadata. */
    private static final List<String> PERSON_TEXTS = List.of("{event,email}", "{event,name}", "{event,providerUserId}");

    private static final List<String> ACTOR_TEXTS =
            List.of("{metadata,actorEmail}", "{metadata,clientAddress}", "{metadata,userAgent}");
    /** The system log's copies of an org's marked values; an output's content is logged as its length. */
    private static final List<String> ORG_TEXTS = List.of(
            "{event,name}",
            "{event,error}",
            "{event,errorMessage}",
            "{event,videoUrl}",
            "{event,thumbnailUrl}",
            "{event,contentUrl}",
            "{event,summary}",
            "{event,details,name}",
            "{event,details,description}",
            "{event,details,prompt}",
            "{event,details,audioPath}");

    private static final List<String> ORG_OBJECTS =
            List.of("{event,settings}", "{event,metadata}", "{event,audioAnalysis}", "{event,visualPlan}");

    @EventHandler
    void on(UserErased erased) {
        UUID userId = erased.userId();
        String placeholder = DataSubject.person(userId).placeholder();
        String aboutThem = "organization_id = '" + Platform.ORG_ID + "' and details #>> '{event,userId}' = ?";
        // first: a message naming the invited address also names it as the actor's email, and a replay words it with
        // the invitation's placeholder
        forgetInvitees(erased.invitationIds());
        PERSON_TEXTS.forEach(path -> replaceText(aboutThem, path, placeholder, userId.toString()));
        ACTOR_TEXTS.forEach(
                path -> replaceText("details #>> '{metadata,actor}' = ?", path, placeholder, userId.toString()));
    }

    @EventHandler
    void on(OrgErased erased) {
        UUID orgId = erased.orgId();
        String placeholder = DataSubject.org(orgId).placeholder();
        String ofOrg = "organization_id = ?";
        ORG_TEXTS.forEach(path -> replaceText(ofOrg, path, placeholder, orgId));
        ORG_OBJECTS.forEach(path -> models.write(
                "update system_logs set details = jsonb_set(details, '" + path + "', '{}') where " + ofOrg
                        + " and jsonb_typeof(details #> '" + path + "') = 'object'",
                orgId));
        models.write(
                "update system_logs set details = jsonb_set(details, '{event,keywords}', '[]') where " + ofOrg
                        + " and jsonb_typeof(details #> '{event,keywords}') = 'array'",
                orgId);
        models.write(
                "update system_logs set details = jsonb_set(details, '{event,content}', to_jsonb(?::text)) where "
                        + ofOrg + " and jsonb_typeof(details #> '{event,content}') = 'string'",
                placeholder.length() + " characters",
                orgId);
        models.write(
                "update system_logs set error_message = ? where " + ofOrg + " and error_message is not null",
                placeholder,
                orgId);
        forgetInvitees(erased.invitationIds());
    }

    /** The address in the log of each invitation whose key the erasure destroyed. */
    private void forgetInvitees(List<UUID> invitationIds) {
        invitationIds.forEach(invitationId -> replaceText(
                "details #>> '{event,invitationId}' = ?",
                "{event,email}",
                DataSubject.invitee(invitationId).placeholder(),
                invitationId.toString()));
    }

    /**
     * A logged text value, and the message it was worded into, now read as the placeholder, as a replay words it.
     * The log words a value that looks like a code ({@code CI}) in lower case (LogLine).
     */
    private void replaceText(String rows, String path, String placeholder, Object rowsParameter) {
        String value = "details #>> '" + path + "'";
        models.write(
                "update system_logs set message = replace(message, case when " + value + " ~ '^[A-Z][A-Z_]*$' "
                        + "then lower(" + value + ") else " + value + " end, ?), "
                        + "details = jsonb_set(details, '" + path + "', to_jsonb(?::text)) "
                        + "where " + rows + " and jsonb_typeof(details #> '" + path + "') = 'string'",
                placeholder,
                placeholder,
                rowsParameter);
    }
}
