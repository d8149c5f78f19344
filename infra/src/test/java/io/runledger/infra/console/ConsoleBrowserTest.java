package io.runledger.infra.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.runledger.infra.testing.ApiTest;
import io.runledger.infra.testing.PoisonedOrgs;
import io.runledger.infra.testing.RunledgerIntegrationTest;
import io.runledger.infra.testing.TenantDay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs when missing), one browser and one application for the whole class. Screenshots of
 * every page go to {@code target/console-screenshots/}.
 */
@RunledgerIntegrationTest
@TestPropertySource(properties = "runledger.platform-admins=" + ConsoleBrowserTest.OPERATOR)
class ConsoleBrowserTest extends ApiTest {

    static final String OPERATOR = "ops-console@example.com";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static WebDriver browser;

    @LocalServerPort
    int port;

    private String suffix;

    @BeforeAll
    static void chromium() throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs chromium and chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does it)");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toString())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--window-size=1280,900",
                        "--lang=en");
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .build(),
                options);
        // a page that waits this long fails as slow; shorter than this, a busy CI machine fails it as flaky
        browser.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(2));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        browser.manage().deleteAllCookies();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String email, String name) {
        browser.get(url("/signin"));
        browser.manage().deleteAllCookies();
        browser.get(url("/signin"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("sign-in")).click();
        waitFor().until(driver -> !driver.getCurrentUrl().endsWith("/signin"));
    }

    /** A token for someone who also signs in through the console, which names them as signed in by {@code magic}. */
    private String person(String email) {
        return api.tokenFor(email, "magic");
    }

    /**
     * Reads the page again until a read model's row arrives. A reload the browser abandons on a busy machine
     * (chromedriver's "aborted by navigation" while the page's own requests are still going) is tried again.
     */
    private void reloadUntilPresent(By row) {
        waitFor().ignoring(TimeoutException.class).until(driver -> {
            driver.navigate().refresh();
            return !driver.findElements(row).isEmpty();
        });
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, WAIT);
    }

    /** The whole page, not only the window's part of it: the window grows to the page's height for the picture. */
    private void screenshot(String name) throws IOException {
        Dimension window = browser.manage().window().getSize();
        long height =
                (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int)
                Math.max(window.getHeight(), height + 140)));
        try {
            Files.write(
                    SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    /** An org made through the API: its pages read its read models, which follow within moments. */
    private String orgOf(String token, String name) {
        String orgId = api.createOrg(token, name);
        await().atMost(WAIT)
                .until(() -> api.send(GET, "/v1/orgs/" + orgId, token, null).getStatusCode() == HttpStatus.OK);
        return orgId;
    }

    /** Queues a summary of {@code input} in the org through the API; the run's id. */
    private String queueSummary(String orgId, String token, String input) {
        return (String) api.send(
                        POST,
                        "/v1/orgs/" + orgId + "/runs",
                        token,
                        "{\"pattern\":\"summarize\",\"inputSource\":\"text\",\"input\":\"" + input + "\"}",
                        UUID.randomUUID().toString())
                .getBody()
                .get("id");
    }

    /** Someone who owns an org with a summary queued in it, made through the API; {@code owner} is their token. */
    private record OrgWithARun(String ownerEmail, String owner, String orgId) {}

    /** {@code emailPrefix}-(this test's suffix), owner of {@code orgName} with a summary of {@code input} queued. */
    private OrgWithARun orgWithARun(String emailPrefix, String orgName, String input) {
        String ownerEmail = emailPrefix + "-" + suffix + "@example.com";
        String owner = person(ownerEmail);
        String orgId = orgOf(owner, orgName + " " + suffix);
        queueSummary(orgId, owner, input);
        return new OrgWithARun(ownerEmail, owner, orgId);
    }

    @SuppressWarnings("unchecked")
    private boolean usageShown(String orgId, String token) {
        return !((List<Object>) api.send(GET, "/v1/orgs/" + orgId + "/usage", token, null)
                        .getBody()
                        .get("byDay"))
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String path, String token) {
        return (List<Map<String, Object>>)
                api.send(GET, path, token, null).getBody().get("items");
    }

    @Test
    void signing_in_queuing_a_run_and_watching_a_worker_take_it_to_succeeded_without_a_reload() throws IOException {
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/signin"); // no session, no page
        signIn("ada-" + suffix + "@example.com", "Ada Lovelace");
        Cookie session = browser.manage().getCookieNamed("runledger_session");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.isSecure()).isFalse(); // plain HTTP here; over TLS it is Secure (ConsoleSessionTest)
        Cookie csrf = browser.manage().getCookieNamed("XSRF-TOKEN");
        assertThat(csrf.isHttpOnly()).isTrue();
        assertThat(csrf.getSameSite()).isEqualTo("Lax");

        browser.findElement(By.id("org-name")).sendKeys("Analytical Engines " + suffix);
        browser.findElement(By.id("create-org")).click();
        new Select(waitFor().until(ExpectedConditions.elementToBeClickable(By.id("pattern"))))
                .selectByValue("summarize");
        browser.findElement(By.id("input")).sendKeys("Event sourcing keeps every fact that ever happened.");
        browser.findElement(By.id("queue-run")).click();

        WebElement status = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("run-status")));
        assertThat(status.getText()).isIn("queued", "processing");
        String runId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");

        Map<String, Object> job = claim(runId);
        String lease = "{\"leaseId\":\"" + job.get("leaseId") + "\"";
        waitFor().until(ExpectedConditions.textToBe(By.id("run-status"), "processing"));
        assertThat(api.send(
                                POST,
                                "/v1/worker/runs/" + runId + "/outputs",
                                TenantDay.WORKER,
                                lease
                                        + ",\"content\":\"Every fact is kept.\",\"summary\":\"One line\",\"keywords\":[\"events\"]}")
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();
        assertThat(api.send(POST, "/v1/worker/runs/" + runId + "/complete", TenantDay.WORKER, lease + "}")
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();

        waitFor().until(ExpectedConditions.textToBe(By.id("run-status"), "succeeded"));
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("run"), "Every fact is kept."));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true"))
                .isEqualTo(true);
        screenshot("run");

        browser.findElement(By.linkText("← Runs")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("runs"), "succeeded"));
        screenshot("runs");

        // the filters: today's succeeded summarize runs hold this one (To includes its day), failed ones do not
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        filterRuns("succeeded", "summarize", today);
        assertThat(browser.getCurrentUrl()).contains("status=succeeded", "from=" + today, "to=" + today);
        assertThat(browser.findElements(By.cssSelector("[data-run='" + runId + "']")))
                .hasSize(1);
        filterRuns("failed", "summarize", today);
        assertThat(browser.findElements(By.cssSelector("[data-run='" + runId + "']")))
                .isEmpty();
        assertThat(browser.findElement(By.id("runs")).getText()).contains("No runs match.");
    }

    private void filterRuns(String status, String pattern, String day) {
        WebElement filters = browser.findElement(By.cssSelector("form.filters"));
        new Select(filters.findElement(By.name("status"))).selectByValue(status);
        WebElement patternField = filters.findElement(By.name("pattern"));
        patternField.clear();
        patternField.sendKeys(pattern);
        ((JavascriptExecutor) browser)
                .executeScript( // a date field's typing order follows the browser's locale
                        "arguments[0].elements.from.value = arguments[1]; arguments[0].elements.to.value = arguments[1];",
                        filters,
                        day);
        filters.findElement(By.tagName("button")).click();
        waitFor().until(ExpectedConditions.urlContains("status=" + status));
    }

    /** Claims until this run is the one claimed: the queue is the whole platform's. */
    private Map<String, Object> claim(String runId) {
        return await().atMost(WAIT)
                .until(
                        () -> {
                            ResponseEntity<Map<String, Object>> claimed = api.send(
                                    POST, "/v1/worker/runs/claim", TenantDay.WORKER, "{\"workerId\":\"browser-test\"}");
                            return claimed.getStatusCode() == HttpStatus.OK
                                    ? claimed.getBody()
                                    : Map.<String, Object>of();
                        },
                        job -> runId.equals(job.get("id")));
    }

    @Test
    void an_owner_invites_someone_by_email_who_becomes_a_member_at_their_first_sign_in() throws IOException {
        String ownerEmail = "grace-" + suffix + "@example.com";
        String orgId = orgOf(person(ownerEmail), "Compilers " + suffix);
        signIn(ownerEmail, "Grace Hopper");
        browser.get(url("/orgs/" + orgId + "/members"));
        String inviteeEmail = "kay-" + suffix + "@example.com";
        browser.findElement(By.id("member-email")).sendKeys(inviteeEmail);
        new Select(browser.findElement(By.id("member-role"))).selectByValue("developer");
        browser.findElement(By.id("add-member-button")).click();

        waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".notice"), "Invited " + inviteeEmail));
        reloadUntilPresent(By.cssSelector("[data-invitation='" + inviteeEmail + "']"));

        browser.findElement(By.id("key-name")).sendKeys("deploys");
        browser.findElement(By.id("create-key")).click();
        String secret = waitFor()
                .until(ExpectedConditions.presenceOfElementLocated(By.id("new-key-secret")))
                .getText();
        assertThat(secret).isNotBlank();
        assertThat(api.send(GET, "/v1/orgs/" + orgId + "/runs", secret, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        waitFor()
                .until(
                        driver -> { // shown once: the next look at the page has the key, not its secret
                            driver.get(url("/orgs/" + orgId + "/members"));
                            return driver.findElement(By.id("keys")).getText().contains("deploys");
                        });
        assertThat(browser.findElements(By.id("new-key-secret"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(secret);
        screenshot("members");
        browser.findElement(By.cssSelector("[data-key='deploys'] button.danger"))
                .click();
        waitFor().until(ExpectedConditions.alertIsPresent()).accept();
        waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".notice"), "API key revoked"));
        await().atMost(WAIT)
                .until(() -> api.send(GET, "/v1/orgs/" + orgId + "/runs", secret, null)
                                .getStatusCode()
                        == HttpStatus.UNAUTHORIZED);

        signIn(inviteeEmail, "Kay McNulty");
        String owner = person(ownerEmail);
        await().atMost(WAIT).until(() -> items("/v1/orgs/" + orgId + "/members", owner).stream()
                .anyMatch(member -> inviteeEmail.equals(member.get("email"))));
        browser.get(url("/"));
        waitFor().until(ExpectedConditions.urlContains("/orgs/" + orgId + "/runs"));
        assertThat(browser.findElement(By.cssSelector("[data-role]")).getText()).isEqualTo("developer");
        assertThat(browser.findElements(By.id("queue-run"))).hasSize(1); // a developer queues runs
    }

    @Test
    void a_viewer_sees_the_runs_but_no_button_they_cannot_use() throws IOException {
        String ownerEmail = "owner-" + suffix + "@example.com";
        String owner = person(ownerEmail);
        String orgId = orgOf(owner, "Looms " + suffix);
        String viewerEmail = "viewer-" + suffix + "@example.com";
        api.send(GET, "/v1/orgs", person(viewerEmail), null); // signs in once
        api.send(
                POST,
                "/v1/orgs/" + orgId + "/members",
                owner,
                "{\"email\":\"" + viewerEmail + "\",\"role\":\"viewer\"}");
        String runId = queueSummary(orgId, owner, "A viewer's view.");

        signIn(viewerEmail, "Vera Viewer");
        browser.get(url("/orgs/" + orgId + "/runs"));
        reloadUntilPresent(By.cssSelector("[data-run='" + runId + "']"));
        assertThat(browser.findElement(By.cssSelector("[data-role]")).getText()).isEqualTo("viewer");
        assertThat(browser.findElements(By.id("queue-run"))).isEmpty();
        assertThat(browser.findElements(By.id("queue"))).isEmpty();
        browser.get(url("/orgs/" + orgId + "/members"));
        assertThat(browser.findElements(By.id("add-member"))).isEmpty();
        assertThat(browser.findElements(By.id("api-keys"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("button.danger"))).isEmpty();
        assertThat(browser.findElement(By.id("members")).getText()).contains(ownerEmail, viewerEmail);
        browser.get(url("/orgs/" + orgId + "/activity"));
        assertThat(browser.findElement(By.id("system-log")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.id("audit"))).isEmpty(); // the audit trail is for owners and admins
    }

    @Test
    void an_owner_reads_the_audit_trail_with_its_verification_result() throws IOException {
        OrgWithARun ledgers = orgWithARun("audit", "Ledgers", "Audited.");
        signIn(ledgers.ownerEmail(), "Ada Auditor");
        browser.get(url("/orgs/" + ledgers.orgId() + "/activity"));
        reloadUntilPresent(By.cssSelector("#audit-trail [data-action='run.queued']"));
        assertThat(browser.findElement(By.id("audit-trail")).getText()).contains("org.created", ledgers.ownerEmail());
        WebElement verdict = waitFor()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#audit-verification [data-verdict]")));
        assertThat(verdict.getAttribute("data-verdict")).isEqualTo("valid");
        assertThat(verdict.getText()).startsWith("Chain intact");
        screenshot("activity");

        browser.findElement(By.id("verify-audit")).click(); // again, in place: the page stays
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");
        waitFor()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#audit-verification [data-verdict='valid']")));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true"))
                .isEqualTo(true);
    }

    @Test
    void an_operator_sees_a_dead_letter_retries_it_and_replays_the_read_model() throws IOException {
        String poisoned = "Poisoned " + suffix;
        PoisonedOrgs.refuseLogRowsOf(jdbc, poisoned);
        String operator = person(OPERATOR);
        try {
            String orgId = api.createOrg(person("poisoned-" + suffix + "@example.com"), poisoned);
            signIn(OPERATOR, "Ops");
            browser.get(url("/operators"));
            reloadUntilPresent(By.cssSelector("[data-dead-letter='" + orgId + "']"));
            assertThat(browser.findElement(By.id("dead-letters")).getText())
                    .contains("read-system-logs", "refused for the test");
            screenshot("operators");

            browser.findElement(By.id("replay-read-system-logs")).click();
            waitFor().until(ExpectedConditions.alertIsPresent()).accept();
            assertThat(waitFor()
                            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notices p.error")))
                            .getText())
                    .contains("read-system-logs"); // the API's 409: nothing emptied while letters wait

            PoisonedOrgs.acceptAgain(jdbc);
            browser.findElement(By.id("retry-" + orgId)).click();
            assertThat(waitFor()
                            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notices .notice")))
                            .getText())
                    .startsWith("Retried 1 in read-system-logs: 1 caught up");
            assertThat(browser.findElements(By.cssSelector("[data-dead-letter='" + orgId + "']")))
                    .isEmpty();

            browser.findElement(By.id("replay-read-system-logs")).click();
            waitFor().until(ExpectedConditions.alertIsPresent()).accept();
            assertThat(waitFor()
                            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notices .notice")))
                            .getText())
                    .startsWith("Replay of read-system-logs started");
        } finally {
            PoisonedOrgs.acceptAgain(jdbc);
            // the other tests read the system log: let the replay finish first
            await().atMost(WAIT).until(() -> items("/v1/admin/projections", operator).stream()
                    .noneMatch(projection -> Boolean.TRUE.equals(projection.get("replaying"))));
        }
    }

    @Test
    void signing_in_and_creating_an_org_with_the_keyboard_alone() {
        browser.get(url("/signin"));
        // the form takes the keys at once: autofocus, which the browser applies once the page is parsed
        waitFor().until(page -> "email".equals(focused().getAttribute("id")));
        new Actions(browser)
                .sendKeys("keys-" + suffix + "@example.com")
                .sendKeys(Keys.TAB)
                .sendKeys("Kim Keys")
                .sendKeys(Keys.ENTER)
                .perform();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("org-name")));

        for (int tabs = 0; tabs < 20 && !"org-name".equals(focused().getAttribute("id")); tabs++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        assertThat(focused().getAttribute("id")).isEqualTo("org-name");
        new Actions(browser)
                .sendKeys("Keyboards " + suffix)
                .sendKeys(Keys.ENTER)
                .perform();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("queue-run")));
        assertThat(browser.findElement(By.id("org-switcher")).getText()).contains("Keyboards " + suffix);
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    @Test
    void every_page_of_an_org_and_the_operators_page_render_for_the_people_who_may_see_them() throws IOException {
        OrgWithARun engines = orgWithARun("page", "Difference Engines", "Usage to chart.");
        String owner = engines.owner();
        String orgId = engines.orgId();
        await().atMost(WAIT).until(() -> usageShown(orgId, owner)); // the chart has a bar to show
        signIn(engines.ownerEmail(), "Charles Babbage");
        for (String page : List.of("usage", "projects", "activity")) {
            browser.get(url("/orgs/" + orgId + "/" + page));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        }
        assertThat(browser.findElement(By.id("system-log")).getText()).contains("created");
        browser.get(url("/orgs/" + orgId + "/usage"));
        assertThat(browser.findElement(By.id("limits")).getText()).contains("of");
        assertThat(
                        (Boolean)
                                ((JavascriptExecutor) browser)
                                        .executeScript( // Chart.js drew the chart
                                                "return window.Chart && Chart.getChart(document.getElementById('usage-chart')) !== undefined"))
                .isTrue();
        screenshot("usage");

        String projectId = (String) api.send(
                        POST,
                        "/v1/orgs/" + orgId + "/projects",
                        owner,
                        "{\"name\":\"Neon\",\"prompt\":\"city lights\",\"audioPath\":\"audio/neon.wav\"}")
                .getBody()
                .get("id");
        api.send(
                POST,
                "/v1/orgs/" + orgId + "/projects/" + projectId + "/generations",
                owner,
                "{}",
                UUID.randomUUID().toString());
        browser.get(url("/orgs/" + orgId + "/projects"));
        reloadUntilPresent(By.cssSelector("[data-project='" + projectId + "'] [data-generation]"));
        assertThat(browser.findElement(By.cssSelector("[data-project='" + projectId + "']"))
                        .getText())
                .contains("Neon", "queued");
        screenshot("projects");
        assertThat(browser.findElements(By.linkText("Operators"))).isEmpty();
        browser.get(url("/operators"));
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains("platform");

        signIn(OPERATOR, "Ops");
        browser.get(url("/operators"));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("projections")));
        assertThat(browser.findElement(By.id("projections")).getText()).contains("read-runs");
        assertThat(browser.findElement(By.id("reconciliation-csv")).getAttribute("href"))
                .contains("/operators/reconciliation.csv?month=");
        browser.manage().deleteAllCookies();
        browser.get(url("/signin"));
        screenshot("signin");
    }

    @Test
    void a_form_sent_without_the_csrf_token_is_refused_and_changes_nothing() {
        String email = "forged-" + suffix + "@example.com";
        String token = person(email);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, "runledger_session=" + token);

        ResponseEntity<String> forged =
                http.exchange("/orgs", POST, new HttpEntity<>("name=Forged", headers), String.class);

        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(items("/v1/orgs", token)).isEmpty();
    }
}
