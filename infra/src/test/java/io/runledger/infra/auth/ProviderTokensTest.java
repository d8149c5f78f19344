package io.runledger.infra.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through a real-shaped OpenID provider ({@link FakeIdentityProvider}) named by its key set and issuer:
 * which tokens it takes, which it refuses (all alike), and which emails it binds to a person.
 */
@RunledgerIntegrationTest
class ProviderTokensTest {

    static final FakeIdentityProvider PROVIDER = new FakeIdentityProvider();
    static final String ADMIN = "root@example.com";
    /** Signs tokens whose key the provider never published. */
    static final RSAKey UNPUBLISHED = FakeIdentityProvider.newKey("unpublished");

    private static Integer keyFetchesBeforeAnyRequest;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        PROVIDER.useByKeySet(properties);
        properties.add("runledger.platform-admins", () -> ADMIN);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void countTheFetchesOfTheStart() {
        if (keyFetchesBeforeAnyRequest == null) {
            keyFetchesBeforeAnyRequest = PROVIDER.keyFetches().size();
        }
    }

    private ResponseEntity<String> get(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> createOrg(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(
                "/v1/orgs", HttpMethod.POST, new HttpEntity<>("{\"name\":\"Acme\"}", headers), String.class);
    }

    private Map<String, Object> body(ResponseEntity<String> answer) throws Exception {
        return json.readValue(answer.getBody(), Map.class);
    }

    private int registrations() {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type = 'io.runledger.domain.user.UserRegistered'",
                Integer.class);
    }

    private static String email() {
        return "person-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void the_keys_are_fetched_at_start_so_a_first_sign_in_fetches_nothing() {
        int before = PROVIDER.keyFetches().size();

        assertThat(createOrg(PROVIDER.token(PROVIDER.claims(email()))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        assertThat(keyFetchesBeforeAnyRequest).isEqualTo(1);
        assertThat(PROVIDER.keyFetches()).hasSize(before);
    }

    @Test
    void a_verified_person_of_the_provider_signs_in_as_the_issuer_and_subject_name_them() throws Exception {
        String email = email();

        ResponseEntity<String> created = createOrg(PROVIDER.token(PROVIDER.claims(email)));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        UUID expected = UUID.nameUUIDFromBytes(
                ("user:" + PROVIDER.issuer() + "|idp|" + email).getBytes(StandardCharsets.UTF_8));
        assertThat(jdbc.queryForObject("select email from access_users where user_id = ?", String.class, expected))
                .isEqualTo(email);
    }

    @Test
    void a_clock_a_little_ahead_of_ours_is_tolerated() {
        Date inThirtySeconds = Date.from(new Date().toInstant().plusSeconds(30));

        assertThat(createOrg(PROVIDER.token(PROVIDER.claims(email()).issueTime(inThirtySeconds)))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void every_refused_token_gets_the_same_401_problem_and_registers_nobody() throws Exception {
        String email = email();
        String valid = PROVIDER.token(PROVIDER.claims(email));
        Date anHourAgo = Date.from(new Date().toInstant().minusSeconds(3600));
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no token", null);
        refused.put("not a JWT", "not-a-jwt");
        refused.put("a bad signature", valid.substring(0, valid.lastIndexOf('.') + 1) + "c2lnbmF0dXJl");
        refused.put(
                "an unknown key",
                FakeIdentityProvider.token(PROVIDER.claims(email), UNPUBLISHED, "made-up-" + UUID.randomUUID()));
        refused.put(
                "a known key id over another key",
                FakeIdentityProvider.token(PROVIDER.claims(email), UNPUBLISHED, "key-1"));
        refused.put("alg none", unsigned(PROVIDER.claims(email).build()));
        refused.put(
                "HS256 keyed with the public key",
                hmacWithPublicKey(PROVIDER.claims(email).build()));
        refused.put("no sub", PROVIDER.token(PROVIDER.claims(email).subject(null)));
        refused.put("no exp", PROVIDER.token(PROVIDER.claims(email).expirationTime(null)));
        refused.put("an exp passed", PROVIDER.token(PROVIDER.claims(email).expirationTime(anHourAgo)));
        refused.put(
                "an iat in the future",
                PROVIDER.token(PROVIDER.claims(email)
                        .issueTime(Date.from(new Date().toInstant().plusSeconds(600)))));
        refused.put(
                "an nbf in the future",
                PROVIDER.token(PROVIDER.claims(email)
                        .notBeforeTime(Date.from(new Date().toInstant().plusSeconds(600)))));
        refused.put("another audience", PROVIDER.token(PROVIDER.claims(email).audience("someone-else")));
        refused.put("no audience", PROVIDER.token(PROVIDER.claims(email).audience((String) null)));
        refused.put("another issuer", PROVIDER.token(PROVIDER.claims(email).issuer("https://evil.example.com")));
        refused.put("no issuer", PROVIDER.token(PROVIDER.claims(email).issuer(null)));
        refused.put("a 20 KB token", PROVIDER.token(PROVIDER.claims(email).claim("padding", "x".repeat(20_000))));
        int before = registrations();

        Map<String, Object> first = null;
        for (Map.Entry<String, String> token : refused.entrySet()) {
            ResponseEntity<String> answer = get("/v1/orgs", token.getValue());
            assertThat(answer.getStatusCode()).as(token.getKey()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(answer.getHeaders().getContentType())
                    .as(token.getKey())
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            Map<String, Object> problem = body(answer);
            problem.remove("instance");
            first = first == null ? problem : first;
            assertThat(problem)
                    .as(token.getKey())
                    .isEqualTo(first)
                    .containsEntry("type", "https://runledger.io/problems/unauthenticated");
        }

        assertThat(registrations()).isEqualTo(before);
        assertThat(get("/v1/orgs", valid).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_request_header_too_large_for_the_server_is_refused_as_a_problem() throws Exception {
        ResponseEntity<String> answer = get("/v1/orgs", "x".repeat(70_000));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
        assertThat(answer.getHeaders().getContentType().equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(body(answer)).containsEntry("type", "https://runledger.io/problems/request-header-too-large");
    }

    @Test
    void an_unverified_email_binds_to_nobody_and_opens_no_admin_door() throws Exception {
        String mallory =
                PROVIDER.token(PROVIDER.claims(ADMIN).subject("idp|mallory").claim("email_verified", false));
        String silent =
                PROVIDER.token(PROVIDER.claims(ADMIN).subject("idp|silent").claim("email_verified", null));
        int before = registrations();

        for (String unverified : List.of(mallory, silent)) {
            ResponseEntity<String> answer = get("/v1/admin/projections", unverified);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(body(answer)).containsEntry("type", "https://runledger.io/problems/email-not-verified");
        }
        assertThat(registrations()).isEqualTo(before);

        ResponseEntity<String> admin = get("/v1/admin/projections", PROVIDER.token(PROVIDER.claims(ADMIN)));
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from access_users where email = ?", Integer.class, ADMIN))
                .isEqualTo(1);
        // once the email is the admin's, an unverified claim to it is still no way in
        assertThat(get("/v1/admin/projections", mallory).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_flood_of_made_up_key_ids_costs_at_most_one_fetch() throws Exception {
        int requests = 400;
        List<Callable<HttpStatus>> flood = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String token = FakeIdentityProvider.token(PROVIDER.claims(email()), UNPUBLISHED, "made-up-" + i);
            flood.add(() -> (HttpStatus) get("/v1/orgs", token).getStatusCode());
        }
        int fetchesBefore = PROVIDER.keyFetches().size();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        long start = System.nanoTime();
        List<HttpStatus> statuses = new ArrayList<>();
        for (Future<HttpStatus> status : callers.invokeAll(flood)) {
            statuses.add(status.get());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        callers.shutdown();
        int fetches = PROVIDER.keyFetches().size() - fetchesBefore;

        System.out.printf(
                "FIGURE flood: %d requests with made-up key ids in %d ms (%.0f/s), %d key-set fetches (%.3f fetches/s)%n",
                requests,
                took.toMillis(),
                requests * 1000.0 / took.toMillis(),
                fetches,
                fetches * 1000.0 / took.toMillis());
        assertThat(statuses).hasSize(requests).containsOnly(HttpStatus.UNAUTHORIZED);
        assertThat(fetches).isLessThanOrEqualTo(1);
    }

    private static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** The algorithm-confusion attack: an HMAC whose secret is the provider's public key, which anyone can fetch. */
    private static String hmacWithPublicKey(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(), claims);
        jwt.sign(new MACSigner(PROVIDER.publishedKey("key-1").toRSAPublicKey().getEncoded()));
        return jwt.serialize();
    }
}
