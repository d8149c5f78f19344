package io.runledger.infra.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.TenantDay;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Each unique key of a read model, tried through the API: the command that would break it is refused whole in
 * its own transaction (or cannot arise), and the read model keeps following the store, so what is created after
 * the attempt is readable.
 */
@RunledgerIntegrationTest
@TestPropertySource(properties = "runledger.platform-admins=" + ReadModelConstraintsApiTest.PLATFORM_ADMIN)
class ReadModelConstraintsApiTest extends ApiTest {

    static final String PLATFORM_ADMIN = "constraints-ops@example.com";
    private static final Duration READ_MODEL_LAG = Duration.ofSeconds(30);

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long stored(String eventType) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type = ?",
                Long.class,
                "io.runledger.domain." + eventType);
    }

    private ResponseEntity<Map<String, Object>> createOrg(String token, String name, String slug) {
        return api.send(POST, "/v1/orgs", token, "{\"name\":\"" + name + "\",\"slug\":\"" + slug + "\"}");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> page) {
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (List<Map<String, Object>>) page.getBody().get("items");
    }

    /** The org, as {@code GET /v1/orgs} lists it: read from the orgs read model, so only once read-orgs has it. */
    private void awaitListed(String token, String orgId) {
        await().atMost(READ_MODEL_LAG).untilAsserted(() -> assertThat(items(api.send(GET, "/v1/orgs", token, null)))
                .extracting(org -> org.get("id"))
                .contains(orgId));
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> answer, HttpStatus status, String type) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).containsEntry("type", "https://runledger.io/problems/" + type);
    }

    @Test
    void the_quick_start_run_twice_gets_409_slug_taken_and_everything_after_it_still_works() {
        String slug = unique("acme");
        String ada = api.tokenFor(unique("ada") + "@example.com");
        String grace = api.tokenFor(unique("grace") + "@example.com");
        ResponseEntity<Map<String, Object>> first = createOrg(ada, "Acme", slug);
        long orgsBefore = stored("org.OrgCreated");
        long subscriptionsBefore = stored("subscription.SubscriptionStarted");

        ResponseEntity<Map<String, Object>> again = createOrg(ada, "Acme", slug);
        ResponseEntity<Map<String, Object>> byAnother = createOrg(grace, "Acme Two", slug);
        ResponseEntity<Map<String, Object>> inCapitals =
                createOrg(grace, "Acme Three", "  " + slug.toUpperCase() + " ");
        String later = api.createOrg(grace, "Grace Co");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertProblem(again, HttpStatus.CONFLICT, "slug-taken");
        assertThat(again.getBody())
                .containsEntry("detail", "Another org already has the slug '" + slug + "'; choose another one");
        assertProblem(byAnother, HttpStatus.CONFLICT, "slug-taken");
        assertProblem(inCapitals, HttpStatus.CONFLICT, "slug-taken");
        // the refused requests stored nothing: no org, no owner, no subscription
        assertThat(stored("org.OrgCreated")).isEqualTo(orgsBefore + 1);
        assertThat(stored("subscription.SubscriptionStarted")).isEqualTo(subscriptionsBefore + 1);
        awaitListed(grace, later);
        awaitListed(ada, (String) first.getBody().get("id"));
        assertThat(jdbc.queryForObject("select count(*) from orgs where slug = ?", Long.class, slug))
                .isOne();
    }

    @Test
    void concurrent_requests_for_one_slug_create_one_org() throws Exception {
        String slug = unique("race");
        List<Callable<ResponseEntity<Map<String, Object>>>> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String token = api.tokenFor(unique("racer") + "@example.com");
            requests.add(() -> createOrg(token, "Racer", slug));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
        for (Future<ResponseEntity<Map<String, Object>>> answer : pool.invokeAll(requests)) {
            answers.add(answer.get());
        }
        pool.shutdown();

        assertThat(answers)
                .filteredOn(answer -> answer.getStatusCode() == HttpStatus.CREATED)
                .hasSize(1);
        assertThat(answers)
                .filteredOn(answer -> answer.getStatusCode() == HttpStatus.CONFLICT)
                .hasSize(11)
                .allSatisfy(answer ->
                        assertThat(answer.getBody()).containsEntry("type", "https://runledger.io/problems/slug-taken"));
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry where payload_type = 'io.runledger.domain.org.OrgCreated'
                  and convert_from(payload, 'UTF8')::jsonb ->> 'slug' = ?
                """, Long.class, slug)).isOne();
    }

    @Test
    void a_slug_is_kept_in_lower_case_without_surrounding_spaces_and_must_be_a_url_label() {
        String slug = unique("beta-co");
        String token = api.tokenFor(unique("beta") + "@example.com");

        ResponseEntity<Map<String, Object>> created = createOrg(token, "Beta", " " + slug.toUpperCase() + "  ");
        ResponseEntity<Map<String, Object>> refused = createOrg(token, "Beta", "beta co");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("slug", slug);
        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY, "invalid-command");
        await().atMost(READ_MODEL_LAG).untilAsserted(() -> assertThat(
                        api.send(GET, "/v1/orgs/" + created.getBody().get("id"), token, null)
                                .getBody())
                .containsEntry("slug", slug));
    }

    @Test
    void a_member_is_added_once() {
        String owner = api.tokenFor(unique("owner") + "@example.com");
        String email = unique("member") + "@example.com";
        api.createOrg(api.tokenFor(email), "Own"); // signed in once, so registered
        String orgId = api.createOrg(owner, "Team");
        String add = "{\"email\":\"" + email + "\",\"role\":\"viewer\"}";

        ResponseEntity<Map<String, Object>> added = api.send(POST, "/v1/orgs/" + orgId + "/members", owner, add);
        ResponseEntity<Map<String, Object>> again = api.send(POST, "/v1/orgs/" + orgId + "/members", owner, add);

        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertProblem(again, HttpStatus.CONFLICT, "member-already-present");
        await().atMost(READ_MODEL_LAG).untilAsserted(() -> assertThat(
                        api.send(GET, "/v1/orgs/" + orgId, owner, null).getBody())
                .containsEntry("members", 2));
    }

    @Test
    void an_email_belongs_to_one_person_whichever_provider_they_sign_in_with() {
        String email = unique("twice") + "@example.com";
        String later = unique("later") + "@example.com";
        api.createOrg(api.tokenFor(email, "github"), "First");

        ResponseEntity<Map<String, Object>> secondProvider =
                api.send(POST, "/v1/orgs", api.tokenFor(email, "google"), "{\"name\":\"Second\"}");
        api.createOrg(api.tokenFor(later), "Later");

        assertProblem(secondProvider, HttpStatus.CONFLICT, "email-already-registered");
        await().atMost(READ_MODEL_LAG).untilAsserted(() -> assertThat(
                        jdbc.queryForList("select email from users where email in (?, ?)", String.class, email, later))
                .containsExactlyInAnyOrder(email, later));
    }

    @Test
    void a_pattern_name_is_taken_once_on_registering_and_on_renaming() {
        String admin = api.tokenFor(PLATFORM_ADMIN);
        String name = unique("digest").replace('-', '_');
        String other = (String) api.send(POST, "/v1/patterns", admin, "{\"name\":\"" + unique("other") + "\"}")
                .getBody()
                .get("id");
        api.send(POST, "/v1/patterns", admin, "{\"name\":\"" + name + "\"}");

        ResponseEntity<Map<String, Object>> registeredAgain =
                api.send(POST, "/v1/patterns", admin, "{\"name\":\"" + name + "\"}");
        ResponseEntity<Map<String, Object>> renamedOnto =
                api.send(PATCH, "/v1/patterns/" + other, admin, "{\"name\":\"" + name + "\"}");
        String laterName = unique("later").replace('-', '_');
        api.send(POST, "/v1/patterns", admin, "{\"name\":\"" + laterName + "\"}");

        assertProblem(registeredAgain, HttpStatus.CONFLICT, "pattern-name-taken");
        assertProblem(renamedOnto, HttpStatus.CONFLICT, "pattern-name-taken");
        await().atMost(READ_MODEL_LAG).untilAsserted(() -> assertThat(items(api.send(GET, "/v1/patterns", admin, null)))
                .extracting(pattern -> pattern.get("name"))
                .contains(name, laterName)
                .doesNotHaveDuplicates());
    }

    @Test
    void a_blank_idempotency_key_is_no_key_so_two_runs_never_share_one() {
        String owner = api.tokenFor(unique("blank") + "@example.com");
        String orgId = api.createOrg(owner, "Blank Keys");
        String run = "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Keys are optional.\"}";

        ResponseEntity<Map<String, Object>> first = api.send(POST, "/v1/orgs/" + orgId + "/runs", owner, run, "");
        ResponseEntity<Map<String, Object>> second = api.send(POST, "/v1/orgs/" + orgId + "/runs", owner, run, "");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(READ_MODEL_LAG)
                .untilAsserted(() -> assertThat(items(api.send(GET, "/v1/orgs/" + orgId + "/runs", owner, null)))
                        .extracting(listed -> listed.get("id"))
                        .containsExactlyInAnyOrder(
                                first.getBody().get("id"), second.getBody().get("id")));
        assertThat(jdbc.queryForList("select idempotency_key from runs where org_id = ?::uuid", String.class, orgId))
                .containsOnlyNulls();
    }

    @Test
    void a_run_key_used_again_after_its_record_is_gone_is_409_and_the_runs_read_model_follows_on() {
        String owner = api.tokenFor(unique("again") + "@example.com");
        String orgId = api.createOrg(owner, "Keys Again");
        String run = "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Once.\"}";
        String key = unique("run-key");
        String firstRun = (String) api.send(POST, "/v1/orgs/" + orgId + "/runs", owner, run, key)
                .getBody()
                .get("id");
        // as if the key's record had expired (IdempotencyKeyExpiry keeps run keys, but a restore or an operator may
        // not)
        jdbc.update("delete from idempotency_keys where idempotency_key = ?", key);

        ResponseEntity<Map<String, Object>> again = api.send(POST, "/v1/orgs/" + orgId + "/runs", owner, run, key);
        String laterRun = (String) api.send(POST, "/v1/orgs/" + orgId + "/runs", owner, run, unique("run-key"))
                .getBody()
                .get("id");

        assertProblem(again, HttpStatus.CONFLICT, "already-exists");
        await().atMost(READ_MODEL_LAG)
                .untilAsserted(() -> assertThat(items(api.send(GET, "/v1/orgs/" + orgId + "/runs", owner, null)))
                        .extracting(listed -> listed.get("id"))
                        .containsExactlyInAnyOrder(firstRun, laterRun));
    }

    @Test
    void an_idempotency_key_longer_than_255_characters_is_refused() {
        String owner = api.tokenFor(unique("long") + "@example.com");
        long before = stored("org.OrgCreated");

        ResponseEntity<Map<String, Object>> refused =
                api.send(POST, "/v1/orgs", owner, "{\"name\":\"Long Keys\"}", "k".repeat(256));
        ResponseEntity<Map<String, Object>> accepted =
                api.send(POST, "/v1/orgs", owner, "{\"name\":\"Long Keys\"}", "k".repeat(255));

        assertProblem(refused, HttpStatus.BAD_REQUEST, "invalid-parameter");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(stored("org.OrgCreated")).isEqualTo(before + 1);
    }

    @Test
    void two_runs_may_have_outputs_with_one_id_and_both_are_kept() {
        String owner = api.tokenFor(unique("outputs") + "@example.com");
        String orgId = api.createOrg(owner, "Outputs");
        String run = "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"Same output id.\"}";
        api.send(POST, "/v1/orgs/" + orgId + "/runs", owner, run, unique("out"));
        api.send(POST, "/v1/orgs/" + orgId + "/runs", owner, run, unique("out"));
        String outputId = UUID.randomUUID().toString();

        // two runs (this test's, or ones other tests left waiting), each handed an output under the one id
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> claim = api.send(POST, "/v1/worker/runs/claim", TenantDay.WORKER, "{}")
                    .getBody();
            ResponseEntity<Map<String, Object>> delivered = api.send(
                    POST,
                    "/v1/worker/runs/" + claim.get("id") + "/outputs",
                    TenantDay.WORKER,
                    "{\"leaseId\":\"" + claim.get("leaseId") + "\",\"outputId\":\"" + outputId
                            + "\",\"content\":\"Output of " + claim.get("id") + "\"}");
            assertThat(delivered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            runs.add((String) claim.get("id"));
        }

        await().atMost(READ_MODEL_LAG).untilAsserted(() -> assertThat(jdbc.queryForList(
                        "select run_id::text || ': ' || content from outputs where id = ?::uuid",
                        String.class,
                        outputId))
                .containsExactlyInAnyOrder(
                        runs.get(0) + ": Output of " + runs.get(0), runs.get(1) + ": Output of " + runs.get(1)));
    }

    @Test
    void a_seed_is_used_once_per_project_and_one_too_long_for_the_index_is_refused() {
        String owner = api.tokenFor(unique("seeds") + "@example.com");
        String orgId = api.createOrg(owner, "Seeds");
        String projects = "/v1/orgs/" + orgId + "/projects";
        String projectId = (String) api.send(
                        POST,
                        projects,
                        owner,
                        "{\"name\":\"Clip\",\"prompt\":\"rain\",\"audioPath\":\"audio/rain.mp3\"}")
                .getBody()
                .get("id");
        String generations = projects + "/" + projectId + "/generations";
        long before = stored("generation.GenerationRequested");

        ResponseEntity<Map<String, Object>> tooLong =
                api.send(POST, generations, owner, "{\"seed\":\"" + "s".repeat(3000) + "\"}", unique("gen"));
        String first = (String) api.send(POST, generations, owner, "{\"seed\":\"lucky\"}", unique("gen"))
                .getBody()
                .get("id");
        renderToTheEnd();
        // the project learns of its generation's end through its policy (ProjectGenerationFinished on the project's
        // own stream), and only then takes the next one; the read model may say "completed" before that
        await().atMost(READ_MODEL_LAG)
                .until(() -> jdbc.queryForObject(
                                "select count(*) from domain_event_entry "
                                        + "where aggregate_identifier = ? and payload_type = ?",
                                Long.class,
                                projectId,
                                "io.runledger.domain.project.ProjectGenerationFinished")
                        == 1);
        ResponseEntity<Map<String, Object>> sameSeed =
                api.send(POST, generations, owner, "{\"seed\":\"lucky\"}", unique("gen"));
        String second = (String) api.send(POST, generations, owner, "{\"seed\":\"luckier\"}", unique("gen"))
                .getBody()
                .get("id");

        assertProblem(tooLong, HttpStatus.UNPROCESSABLE_ENTITY, "invalid-command");
        assertThat(tooLong.getBody())
                .containsEntry("detail", "A seed may have at most 255 characters; this one has 3000");
        assertProblem(sameSeed, HttpStatus.CONFLICT, "duplicate-seed");
        assertThat(stored("generation.GenerationRequested")).isEqualTo(before + 2);
        await().atMost(READ_MODEL_LAG).untilAsserted(() -> assertThat(
                        items(api.send(GET, "/v1/orgs/" + orgId + "/generations?projectId=" + projectId, owner, null)))
                .extracting(generation -> generation.get("id"))
                .containsExactlyInAnyOrder(first, second));
    }

    /** The waiting generation, taken by a render worker through every stage to its video. */
    private void renderToTheEnd() {
        Map<String, Object> claim = api.send(POST, "/v1/worker/generations/claim", TenantDay.WORKER, "{}")
                .getBody();
        String path = "/v1/worker/generations/" + claim.get("id") + "/";
        String lease = "{\"leaseId\":\"" + claim.get("leaseId") + "\"";
        for (String[] step : new String[][] {
            {"analysis", ",\"audioAnalysis\":{\"bpm\":90}"},
            {"plan", ",\"visualPlan\":{\"scenes\":3}"},
            {"render", ""},
            {"complete", ",\"videoUrl\":\"https://cdn.example.com/rain.mp4\",\"durationSeconds\":30"}
        }) {
            assertThat(api.send(POST, path + step[0], TenantDay.WORKER, lease + step[1] + "}")
                            .getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }
    }
}
