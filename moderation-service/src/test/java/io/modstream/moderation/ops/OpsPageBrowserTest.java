package io.modstream.moderation.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.modstream.events.CommentSubmitted;
import io.modstream.events.Topics;
import io.modstream.testing.browser.HeadlessChromium;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The operator page in a real browser, against the whole service and a real broker: signing in from {@code /ops/}
 * comes back to it, and the page shows the topics with their partitions, a dead letter with its cause, and the
 * throughput chart. The context is closed afterwards: a cached one would go on moderating later tests' comments.
 */
@EnabledIf(
        value = "io.modstream.testing.browser.HeadlessChromium#installedOrOnCi",
        disabledReason = HeadlessChromium.MISSING)
@DirtiesContext
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.consumer.group-id=ops-page-browser-test",
            "modstream.moderation.users[0].username=olga",
            // BCrypt of "test-password"
            "modstream.moderation.users[0].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[0].roles=OPERATOR"
        })
class OpsPageBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    private final DeadLetterFixtures fixtures = new DeadLetterFixtures();

    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    /** On CI the class runs even without a browser, so that it fails here with the hint how to install one. */
    @BeforeAll
    static void browserInstalled() {
        assertThat(HeadlessChromium.installed()).as(HeadlessChromium.MISSING).isTrue();
    }

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, PATIENCE);
        wait.withMessage(() -> "page " + browser.getCurrentUrl() + ", status line: " + statusLine());
        // The page redraws its tables every few seconds; an element found a moment ago may be gone.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void showsTopicsWithPartitionsADeadLetterWithItsCauseAndTheChart() {
        CommentSubmitted comment = fixtures.comment("site-browser", "Dead-lettered <b>on purpose</b>.");
        String cause = "schema problem <script>alert(1)</script>";
        fixtures.deadLetter(comment, "io.modstream.SomeBugSinceFixed", cause);

        signIn("olga", "test-password");

        By submitted = By.cssSelector("#topics tr[data-topic='" + Topics.COMMENTS_SUBMITTED + "']");
        WebElement row = wait.until(visibilityOfElementLocated(submitted));
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(2).getText()).isEqualTo("3");
        assertThat(cells.get(3).getText()).contains("0:").contains("1:").contains("2:");

        By letter = By.cssSelector("#dead-letters article[data-topic='" + Topics.COMMENTS_SUBMITTED_DLT + "'] .letter");
        wait.until(textToBePresentInElementLocated(letter, comment.commentId()));
        WebElement shown = browser.findElements(letter).stream()
                .filter(element -> element.getText().contains(comment.commentId()))
                .findFirst()
                .orElseThrow();
        // Text from Kafka is shown as text, never as markup.
        assertThat(shown.findElement(By.className("cause")).getText()).isEqualTo("SomeBugSinceFixed: " + cause);
        assertThat(shown.findElements(By.tagName("script"))).isEmpty();
        assertThat(shown.findElement(By.className("letter-value")).getText()).contains("<b>on purpose</b>");

        wait.until(presenceOfElementLocated(By.cssSelector("#chart svg#throughput-chart")));
        wait.until(attributeToBe(By.id("refreshed"), "data-state", "live"));
        // After two samples, each topic's rate is a line.
        wait.until(presenceOfElementLocated(By.cssSelector("#throughput-chart polyline")));
    }

    /**
     * Regression: every topic's total and every group's lag showed {@code NaN}. On a topic of the test's own, written
     * in one transaction, the page shows the numbers the API gives: three records and the commit marker end the log
     * at 4, and a group at offset 1 has two records left to read (the marker is not one).
     */
    @Test
    void showsTopicTotalsAndGroupLagsAsNumbers() {
        TransactionalTopic topic = new TransactionalTopic("ops-browser-tx-" + System.nanoTime(), 3);
        String group = topic.name + "-behind";
        topic.groupAt(group, 1);

        signIn("olga", "test-password");

        By topicRow = By.cssSelector("#topics tr[data-topic='" + topic.name + "']");
        wait.until(visibilityOfElementLocated(topicRow));
        assertThat(wait.until(d -> cells(topicRow)).get(4)).isEqualTo("4");
        By groupRow = By.cssSelector("#groups tr[data-group='" + group + "']");
        wait.until(visibilityOfElementLocated(groupRow));
        List<String> groupCells = wait.until(d -> cells(groupRow));
        assertThat(groupCells.get(2)).isEqualTo("2");
        assertThat(groupCells.get(3)).isEqualTo(topic.name + "-0: 2 (1 / 4)");

        // Every other row too: a topic's total is the sum of the end offsets beside it, never NaN. The page redraws
        // its tables every few seconds, so a row gone meanwhile is read again (the wait ignores stale elements).
        wait.until(d -> {
            for (WebElement row : d.findElements(By.cssSelector("#topics tbody tr[data-topic]"))) {
                List<String> texts = row.findElements(By.tagName("td")).stream()
                        .map(WebElement::getText)
                        .toList();
                long sum = Arrays.stream(texts.get(3).split("·"))
                        .mapToLong(part -> number(part.substring(part.indexOf(':') + 1)))
                        .sum();
                assertThat(number(texts.get(4))).as("total of %s", texts.get(0)).isEqualTo(sum);
            }
            return true;
        });
        String groupsText = wait.until(d -> d.findElement(By.id("groups")).getText());
        String topicsText = wait.until(d -> d.findElement(By.id("topics")).getText());
        assertThat(groupsText).doesNotContain("NaN");
        assertThat(topicsText).doesNotContain("NaN");
    }

    private List<String> cells(By row) {
        return browser.findElement(row).findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** A number as the page writes it ({@code 12,345}); anything else fails the test. */
    private static long number(String shown) {
        return Long.parseLong(shown.strip().replace(",", ""));
    }

    /** Opens the page, which sends a browser without a session to the sign-in form, and signs in there. */
    private void signIn(String username, String password) {
        browser.get(base() + "/ops/");
        wait.until(urlContains("/console/login.html"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        // Back where the browser came from, not the moderators' console.
        wait.until(urlToBe(base() + "/ops/"));
        wait.until(textToBePresentInElementLocated(By.id("whoami"), username));
    }

    private String base() {
        // localhost, not 127.0.0.1: Chromium keeps Secure cookies over plain http only for localhost.
        return "http://localhost:" + port;
    }

    private String statusLine() {
        try {
            return browser.findElement(By.id("status")).getText();
        } catch (RuntimeException e) {
            return "(none)";
        }
    }
}
