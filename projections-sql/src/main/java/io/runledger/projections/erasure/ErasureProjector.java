package io.runledger.projections.erasure;

import java.util.List;
import java.util.UUID;

import io.runledger.domain.org.OrgErased;
import io.runledger.domain.shared.DataSubject;
import io.runledger.domain.shared.Platform;
import io.runledger.domain.user.UserErased;
import io.runledger.projections.ReadModels;
import io.runledger.projections.systemlog.SystemLogProjector;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Overwrites, in every read model, what was projected from a subject's personal data before its key was destroyed,
 * with what a replay now gives: the subject's placeholder (docs/erasure.md). Events handled after the key is gone
 * read as the placeholder by themselves; this covers the rows written before. Replaying the read models gives the
 * same content, so it keeps no table of its own and needs no reset. It runs in the system log's processor rather
 * than its own, so that no further processor reads the whole store for two kinds of events.
 */
@Component
@ProcessingGroup(SystemLogProjector.PROCESSING_GROUP)
public class ErasureProjector {

    /** The system log's copies of a person's marked values ({@code details.event}) and of the audit metadata. */
    private static final List<String> PERSON_TEXTS = List.of("{event,email}", "{event,name}", "{event,providerUserId}");
    private static final List<String> ACTOR_TEXTS = List.of("{metadata,actorEmail}", "{metadata,clientAddress}",
            "{metadata,userAgent}");
    /** The system log's copies of an org's marked values; an output's content is logged as its length. */
    private static final List<String> ORG_TEXTS = List.of("{event,name}", "{event,error}", "{event,errorMessage}",
            "{event,videoUrl}", "{event,thumbnailUrl}", "{event,contentUrl}", "{event,summary}", "{event,details,name}",
            "{event,details,description}", "{event,details,prompt}", "{event,details,audioPath}");
    private static final List<String> ORG_OBJECTS = List.of("{event,settings}", "{event,metadata}",
            "{event,audioAnalysis}", "{event,visualPlan}");

    private final ReadModels models;

    ErasureProjector(ReadModels models) {
        this.models = models;
    }

    @EventHandler
    void on(UserErased erased) {
        UUID userId = erased.userId();
        String placeholder = DataSubject.person(userId).placeholder();
        models.write("update users set email = ?, name = case when name is null then null else ? end where id = ?",
                placeholder, placeholder, userId);
        // an identity's id follows from provider and subject (UserProjector): the id a replay derives, in SQL
        models.write("""
                update auth_identities set provider_user_id = ?, id = name_based.id
                from (select a.id as old_id, (substr(h, 1, 12) || '3' || substr(h, 14, 3)
                             || to_hex((('x' || substr(h, 17, 1))::bit(4)::int & 3) | 8) || substr(h, 18))::uuid as id
                      from auth_identities a, md5('identity:' || a.provider || '|' || ?) as h
                      where a.user_id = ?) name_based
                where auth_identities.id = name_based.old_id
                """, placeholder, placeholder, userId);
        String aboutThem = "organization_id = '" + Platform.ORG_ID + "' and details #>> '{event,userId}' = ?";
        PERSON_TEXTS.forEach(path -> replaceText(aboutThem, path, placeholder, userId.toString()));
        ACTOR_TEXTS.forEach(path -> replaceText("details #>> '{metadata,actor}' = ?", path, placeholder, userId.toString()));
    }

    @EventHandler
    void on(OrgErased erased) {
        UUID orgId = erased.orgId();
        String placeholder = DataSubject.org(orgId).placeholder();
        models.write("update orgs set name = ?, settings = '{}' where id = ?", placeholder, orgId);
        models.write("update runs set error = ? where org_id = ? and error is not null", placeholder, orgId);
        models.write("""
                update outputs set content = case when content is null then null else ? end,
                                   content_url = case when content_url is null then null else ? end,
                                   summary = case when summary is null then null else ? end,
                                   keywords = '{}', metadata = '{}'
                where org_id = ?
                """, placeholder, placeholder, placeholder, orgId);
        models.write("""
                update projects set name = ?, prompt = ?, audio_path = ?,
                                    description = case when description is null then null else ? end
                where organization_id = ?
                """, placeholder, placeholder, placeholder, placeholder, orgId);
        models.write("""
                update generations set audio_analysis = case when audio_analysis is null then null else '{}'::jsonb end,
                                       visual_plan = case when visual_plan is null then null else '{}'::jsonb end,
                                       video_url = case when video_url is null then null else ? end,
                                       thumbnail_url = case when thumbnail_url is null then null else ? end,
                                       error_message = case when error_message is null then null else ? end
                where organization_id = ?
                """, placeholder, placeholder, placeholder, orgId);
        String ofOrg = "organization_id = ?";
        ORG_TEXTS.forEach(path -> replaceText(ofOrg, path, placeholder, orgId));
        ORG_OBJECTS.forEach(path -> models.write("update system_logs set details = jsonb_set(details, '" + path
                + "', '{}') where " + ofOrg + " and jsonb_typeof(details #> '" + path + "') = 'object'", orgId));
        models.write("update system_logs set details = jsonb_set(details, '{event,keywords}', '[]') where " + ofOrg
                + " and jsonb_typeof(details #> '{event,keywords}') = 'array'", orgId);
        models.write("update system_logs set details = jsonb_set(details, '{event,content}', to_jsonb(?::text)) where "
                + ofOrg + " and jsonb_typeof(details #> '{event,content}') = 'string'",
                placeholder.length() + " characters", orgId);
        models.write("update system_logs set error_message = ? where " + ofOrg + " and error_message is not null",
                placeholder, orgId);
    }

    /**
     * A logged text value, and the message it was worded into, now read as the placeholder, as a replay words it.
     * The log words a value that looks like a code ({@code CI}) in lower case (LogLine).
     */
    private void replaceText(String rows, String path, String placeholder, Object rowsParameter) {
        String value = "details #>> '" + path + "'";
        models.write("update system_logs set message = replace(message, case when " + value + " ~ '^[A-Z][A-Z_]*$' "
                + "then lower(" + value + ") else " + value + " end, ?), "
                + "details = jsonb_set(details, '" + path + "', to_jsonb(?::text)) "
                + "where " + rows + " and jsonb_typeof(details #> '" + path + "') = 'string'",
                placeholder, placeholder, rowsParameter);
    }
}
