package io.modstream.moderation.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.modstream.events.CommentModerated;
import io.modstream.events.CommentSubmitted;
import io.modstream.events.Verdict;
import io.modstream.testing.browser.HeadlessChromium;
import io.modstream.testing.kafka.KafkaTestBroker;
import io.modstream.testing.kafka.TopicClient;
import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The moderators' console in a real browser, against the whole service and a real broker: sign in through the form,
 * read a held comment with its reason marked, decide with the keyboard, and watch the queue change live. The
 * context is closed afterwards: a cached one would go on moderating every comment later tests submit.
 */
@EnabledIf(
        value = "io.modstream.testing.browser.HeadlessChromium#installedOrOnCi",
        disabledReason = HeadlessChromium.MISSING)
@DirtiesContext
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.consumer.group-id=console-browser-test",
            "modstream.moderation.users[0].username=alice",
            // BCrypt of "test-password"
            "modstream.moderation.users[0].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[0].roles=MODERATOR",
            "modstream.moderation.users[0].sites=site-a"
        })
class ConsoleBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String NOT_RELOADED = "window.consoleTestMarker";

    @LocalServerPort
    int port;

    private final SiteComments comments =
            new SiteComments(new TopicClient(KafkaTestBroker.bootstrapServers()), "site-a");

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
        // The console redraws its list on live events and reloads; an element found a moment ago may be gone.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void heldCommentShowsItsTermMarkedAndLeavesTheQueueWhenApprovedWithTheAKey() {
        String body = "You idiot, read the article first.";
        CommentSubmitted comment = comments.submit("Budget vote tonight", body);

        signIn("alice", "test-password");
        click(queueItem(comment));
        wait.until(textToBe(By.id("detail-text"), body));

        WebElement mark = browser.findElement(By.cssSelector("#detail-text mark"));
        assertThat(mark.getText()).isEqualTo("idiot");
        assertThat(mark.getDomAttribute("title")).isNotBlank();
        assertThat(browser.findElement(By.id("detail-thread")).getText()).isEqualTo("Budget vote tonight");

        markThePage();
        new Actions(browser).sendKeys("a").perform();
        wait.until(invisibilityOfElementLocated(queueItem(comment)));

        assertThat(thePageWasNotReloaded()).isTrue();
        List<CommentModerated> approvals = comments.approvals(comment.commentId(), Duration.ofSeconds(2));
        assertThat(approvals).singleElement().satisfies(approval -> {
            assertThat(approval.verdict()).isEqualTo(Verdict.APPROVE);
            assertThat(approval.comment()).isEqualTo(comment);
        });
    }

    @Test
    void commentHeldWhileThePageIsOpenAppearsWithoutAReload() {
        signIn("alice", "test-password");
        // Once the stream is open, the comment can only arrive through it, not through the first load of the list.
        wait.until(attributeToBe(By.id("connection"), "data-state", "live"));
        markThePage();

        CommentSubmitted comment = comments.submit("Late edition", "Only an idiot would print this.");

        wait.until(visibilityOfElementLocated(queueItem(comment)));
        assertThat(thePageWasNotReloaded()).isTrue();
    }

    @Test
    void wrongPasswordIsReportedOnTheSignInPage() {
        browser.get(base() + "/console/login.html");
        browser.findElement(By.id("username")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();

        wait.until(urlContains("/console/login.html?error"));
        WebElement message = wait.until(visibilityOfElementLocated(By.id("login-message")));
        assertThat(message.getText()).isEqualTo("Wrong username or password.");
    }

    @Test
    void signingOutEndsTheSession() {
        signIn("alice", "test-password");

        browser.findElement(By.id("sign-out")).click();

        wait.until(urlContains("/console/login.html?signed-out"));
        assertThat(browser.findElement(By.id("login-message")).getText()).isEqualTo("You have signed out.");
        browser.get(base() + "/console/");
        wait.until(urlContains("/console/login.html"));
    }

    /** Opens the console, which sends a browser without a session to the sign-in form, and signs in there. */
    private void signIn(String username, String password) {
        browser.get(base() + "/console/");
        wait.until(urlContains("/console/login.html"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(urlToBe(base() + "/console/"));
        wait.until(textToBe(By.id("whoami"), username));
    }

    /** Clicks an element that the console may redraw at any moment: found and clicked again until it holds. */
    private void click(By locator) {
        wait.until(driver -> {
            driver.findElement(locator).click();
            return true;
        });
    }

    private String base() {
        // localhost, not 127.0.0.1: Chromium keeps Secure cookies over plain http only for localhost.
        return "http://localhost:" + port;
    }

    private static By queueItem(CommentSubmitted comment) {
        return By.cssSelector("#queue [data-comment-id='" + comment.commentId() + "']");
    }

    private void markThePage() {
        ((JavascriptExecutor) browser).executeScript(NOT_RELOADED + " = 'set';");
    }

    private boolean thePageWasNotReloaded() {
        return "set".equals(((JavascriptExecutor) browser).executeScript("return " + NOT_RELOADED + ";"));
    }

    private String statusLine() {
        try {
            return browser.findElement(By.id("status")).getText();
        } catch (RuntimeException e) {
            return "(none)";
        }
    }
}
