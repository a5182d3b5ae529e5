package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.RunningSystem.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.clearmlmigrator.localservers.RepoLayout;
import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.MongoDataset;
import com.clearmlmigrator.synthetic.MongoSeeder;

/**
 * The planner's dashboard in headless Chromium during a real relink: the migration appears, its progress moves while it
 * runs, the final state shows, and an undo is clicked, confirmed, followed to its end and leaves the data as it was.
 * Uses Debian's chromium and chromedriver (or CHROMIUM and CHROMEDRIVER); skips, saying how to install them, where they
 * are missing. Screenshots go to target/dashboard-*.png.
 */
@OnSecondSystem
class DashboardBrowserIT {
    private static final String STORE = "mongo-dashboard";
    /** A MongoDB answered at this pace per connection, so the relink lasts long enough to watch. */
    private static final long BYTES_PER_SECOND = 120_000;

    private static final String FILE_SERVER = "/opt/clearml/data/fileserver";
    private static final String BUCKET = "s3://datasets/clearml";

    private static final List<String> FINAL = List.of("SUCCEEDED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELLED");

    private static TcpFaultProxy slowMongo;
    private static String uri;
    private static int storePort;
    /** The same store without the slow proxy: the test's own snapshots need not crawl too. */
    private static String directUri;

    private static WebDriver browser;

    @BeforeAll
    static void aSlowStoreAndABrowser() throws IOException {
        Optional<Path> chromium = executable("CHROMIUM", "/usr/bin/chromium");
        Optional<Path> chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
        assumeTrue(
                chromium.isPresent() && chromedriver.isPresent(),
                "No Chromium here: install Debian's browser and its driver (apt-get install chromium chromium-driver),"
                        + " or set CHROMIUM and CHROMEDRIVER, to run the dashboard in a browser.");
        storePort = ServiceFaults.freePort();
        RunningSystem.stack().startAnotherMongo(STORE, storePort, false);
        new MongoSeeder("mongodb://127.0.0.1:" + storePort)
                .seed(
                        "backend",
                        Map.of(
                                "task",
                                new MongoDataset(ClearmlWorld.generate(DatasetSpec.of(31, 1, 1000)))
                                        .collections()
                                        .get("task")));
        slowMongo = new TcpFaultProxy(storePort, Long.MAX_VALUE, BYTES_PER_SECOND, proxy -> {});
        uri = "mongodb://127.0.0.1:" + slowMongo.port();
        directUri = "mongodb://127.0.0.1:" + storePort;

        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.get().toFile())
                // Root in CI containers needs --no-sandbox; a small /dev/shm needs the other.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void closeBrowserAndStore() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (slowMongo != null) {
            slowMongo.close();
            RunningSystem.stack().stop(STORE);
        }
    }

    @Test
    void aRelinkIsFollowedLiveAndUndoneFromTheDashboard() throws IOException {
        var before = StoreSnapshot.mongo(directUri, "backend");
        String relink = Migrations.submit("{" + ExpectedRelink.RELINK + "," + Migrations.mongo(uri) + "}");
        // As the command tells it while the planner relinks the stores: the file server's state files it relinked.
        tellStateFiles(
                relink,
                "{\"place\":\"" + FILE_SERVER + "\",\"option\":\"--fileserver-folder " + FILE_SERVER
                        + "\",\"files\":4,\"changed\":2,\"links\":5,\"already\":1,\"problems\":[]}");
        // And a bucket it began on and never told the end of: stopped there, it may have changed some of its files.
        tellStateFiles(
                relink,
                "{\"place\":\"" + BUCKET + "\",\"option\":\"--dataset-bucket " + BUCKET + "\",\"ended\":false}");

        WebDriverWait wait = openInDashboard(relink);

        List<Double> seen = watchProgressUntilFinal(Duration.ofMinutes(3));
        screenshot("dashboard-relink");

        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("SUCCEEDED");
        assertThat(seen)
                .as("the share of tasks done, as the page showed it while the relink ran")
                .anyMatch(share -> share > 0 && share < 1);
        assertThat(seen.stream().distinct().count()).as("progress moved").isGreaterThanOrEqualTo(3);
        assertThat(browser.findElements(By.cssSelector("#targets .target[data-target='task'] progress")))
                .singleElement()
                .satisfies(bar -> assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max")));
        assertThat(browser.findElement(By.id("chart-line")).getAttribute("points"))
                .contains(",");
        wait.until(driver ->
                !driver.findElement(By.id("report")).getAttribute("textContent").isEmpty());
        assertThat(browser.findElement(By.id("report")).getAttribute("textContent"))
                .contains("\"fields\"");
        assertThat(stateFilesShown())
                .containsExactly(
                        FILE_SERVER + ": 5 links in 2 of 4 files changed, 1 already new",
                        BUCKET + ": begun; its end not told yet (the command is still at it, or it was stopped: its"
                                + " journal there holds what it did)");

        Alert question = undoClicked(wait);
        assertThat(question.getText())
                .as("the dashboard's undo reaches the stores only, and says how to restore the state files")
                .contains("clearml-migrator undo " + relink + " --fileserver-folder " + FILE_SERVER)
                .contains("clearml-migrator undo " + relink + " --dataset-bucket " + BUCKET);
        question.accept();
        WebDriverWait undoWait = new WebDriverWait(browser, Duration.ofMinutes(3));
        undoWait.until(
                driver -> !relink.equals(driver.findElement(By.id("detail")).getAttribute("data-id")));
        String undo = browser.findElement(By.id("detail")).getAttribute("data-id");
        undoWait.until(ExpectedConditions.textToBe(By.id("status"), "SUCCEEDED"));
        screenshot("dashboard-undo");

        assertThat(given().get("/migrations/" + undo).jsonPath().getString("kind"))
                .isEqualTo("undo");
        assertThat(StoreSnapshot.mongo(directUri, "backend"))
                .as("the data as it was before the relink")
                .isEqualTo(before);
    }

    @Test
    void aPlaceWhoseJournalWasForgottenIsShownSoAndTheUndoNoLongerOffersToRestoreIt() {
        // A relink of a database with nothing to change: it ends at once, as `forget` wants.
        String relink = Migrations.submit("{" + ExpectedRelink.RELINK + ",\"mongo\":{\"uri\":\"" + directUri
                + "\",\"database\":\"forgotten-journal\"}}");
        Migrations.awaitStatus(relink, "SUCCEEDED");
        tellStateFiles(
                relink,
                "{\"place\":\"" + FILE_SERVER + "\",\"option\":\"--fileserver-folder " + FILE_SERVER
                        + "\",\"files\":4,\"changed\":2,\"links\":5}");
        tellStateFiles(
                relink,
                "{\"place\":\"" + BUCKET + "\",\"option\":\"--dataset-bucket " + BUCKET + "\",\"files\":3,"
                        + "\"changed\":3,\"links\":7}");
        // As `forget ID --dataset-bucket ...` tells it, once it has removed the bucket's originals.
        given().contentType("application/json")
                .body("{\"place\":\"" + BUCKET + "\",\"at\":\"2026-12-06T18:35:06Z\"}")
                .put("/migrations/" + relink + "/state-files/forgotten")
                .then()
                .statusCode(200);

        WebDriverWait wait = openInDashboard(relink);

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#state-files li"), 2));
        assertThat(stateFilesShown())
                .containsExactly(
                        FILE_SERVER + ": 5 links in 2 of 4 files changed",
                        BUCKET + ": 7 links in 3 of 3 files changed; their originals forgotten on 2026-12-06T18:35:06Z"
                                + " (forget): no undo restores them");
        Alert question = undoClicked(wait);
        String asked = question.getText();
        question.dismiss();
        assertThat(asked)
                .contains("clearml-migrator undo " + relink + " --fileserver-folder " + FILE_SERVER)
                .doesNotContain("--dataset-bucket")
                .contains("The state files it changed under " + BUCKET + " keep their new links: their originals were"
                        + " forgotten (forget).");

        // Then its journal in the stores, as `forget ID --stores` does: the relink can no longer be undone.
        String forgotten = given().delete("/migrations/" + relink + "/journal")
                .then()
                .statusCode(200)
                .extract()
                .path("forgotten");
        WebDriverWait again = openInDashboard(relink);

        again.until(ExpectedConditions.textToBe(
                By.id("notice"),
                "Its journal was forgotten on " + forgotten + " (forget --stores): it can no longer be undone."));
        assertThat(browser.findElement(By.id("undo")).isDisplayed()).isFalse();
    }

    @Test
    void anInspectionShowsTheOriginsItsCommandCountedInStateFiles() {
        String inspect = Migrations.submit("{\"kind\":\"inspect\"," + Migrations.mongo(directUri) + "}");
        tellStateFiles(
                inspect,
                "{\"place\":\"" + BUCKET + "\",\"option\":\"--dataset-bucket " + BUCKET + "\",\"files\":3,"
                        + "\"origins\":[{\"origin\":\"s3://elsewhere\",\"links\":4},{\"origin\":"
                        + "\"http://files.old.lan:8081\",\"links\":120}]}");

        WebDriverWait wait = openInDashboard(inspect);

        wait.until(ExpectedConditions.textToBe(
                By.cssSelector("#state-files li"),
                BUCKET + ": 3 files read; their links start with http://files.old.lan:8081 (120), s3://elsewhere (4)"));
    }

    @Test
    void partsThatFailedAlikeAreListedOnceWithTheirNumber() throws IOException {
        String database = "store-gone-away";
        new MongoSeeder(directUri)
                .seed(
                        database,
                        Map.of(
                                "task",
                                new MongoDataset(ClearmlWorld.generate(DatasetSpec.of(37, 1, 600)))
                                        .collections()
                                        .get("task")));
        // Parts of 50 documents, answers paced to 50 kB/s: the store goes away with parts running and parts waiting,
        // for longer than their retries, so they all fail, most of them with one sentence.
        try (TcpFaultProxy goingAway =
                new TcpFaultProxy(storePort, 150_000, 50_000, proxy -> proxy.takeAwayFor(Duration.ofSeconds(40)))) {
            String relink = Migrations.submit("{" + ExpectedRelink.RELINK + ",\"mongo\":{\"uri\":\"mongodb://127.0.0.1:"
                    + goingAway.port() + "\",\"database\":\"" + database + "\"}}");
            Migrations.awaitEnded(relink, "COMPLETED_WITH_ERRORS");
            List<Map<String, String>> failures = Migrations.report(relink).getList("failures");
            Map<List<String>, Integer> alike = new LinkedHashMap<>();
            failures.forEach(
                    f -> alike.merge(List.of(f.get("reason"), f.get("target"), f.get("detail")), 1, Integer::sum));
            List<String> expected = alike.entrySet().stream()
                    .map(line -> line.getKey().get(0) + " " + line.getKey().get(1)
                            + (line.getValue() > 1 ? " (" + line.getValue() + " tasks)" : "") + ": "
                            + line.getKey().get(2))
                    .toList();
            assertThat(expected)
                    .as("parts that failed alike (the premise of this test): %s", failures)
                    .hasSizeLessThan(failures.size());

            WebDriverWait wait = openInDashboard(relink);

            wait.until(ExpectedConditions.textToBe(By.id("status"), "COMPLETED_WITH_ERRORS"));
            wait.until(driver -> !driver.findElements(By.cssSelector("#failures li:not(.muted)"))
                    .isEmpty());
            // The page draws its list anew on every poll: an item read just as it is replaced has gone stale.
            List<String> shown =
                    wait.ignoring(StaleElementReferenceException.class).until(driver -> failuresShown());
            assertThat(shown).containsExactlyElementsOf(expected);
            screenshot("dashboard-failures");
        }
    }

    /** The failures the detail lists, as the operator reads them. */
    private static List<String> failuresShown() {
        return browser.findElements(By.cssSelector("#failures li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The places of state files the detail lists, as the operator reads them. */
    private static List<String> stateFilesShown() {
        return browser.findElements(By.cssSelector("#state-files li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Clicks the detail's undo; returns the question the dashboard asks before it undoes anything. */
    private static Alert undoClicked(WebDriverWait wait) {
        browser.findElement(By.id("undo")).click();
        return wait.until(ExpectedConditions.alertIsPresent());
    }

    /** As the command tells the planner what it did to (or found in) one place's dataset state files. */
    private static void tellStateFiles(String migrationId, String outcome) {
        given().contentType("application/json")
                .body(outcome)
                .put("/migrations/" + migrationId + "/state-files")
                .then()
                .statusCode(200);
    }

    /** Opens the dashboard and the migration's detail; returns a wait of 30 s for what the test looks for next. */
    private static WebDriverWait openInDashboard(String migrationId) {
        browser.get(RunningSystem.ports().plannerUrl() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#migrations tr[data-id='" + migrationId + "']")))
                .click();
        wait.until(ExpectedConditions.attributeToBe(By.id("detail"), "data-id", migrationId));
        return wait;
    }

    /** The overall progress bar's share, each time it changes, until the migration's final state shows. */
    private static List<Double> watchProgressUntilFinal(Duration limit) {
        List<Double> shares = new ArrayList<>();
        await("the dashboard showing a final state")
                .atMost(limit)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    WebElement overall = browser.findElement(By.id("overall"));
                    double share = Double.parseDouble(overall.getAttribute("value"))
                            / Double.parseDouble(overall.getAttribute("max"));
                    if (shares.isEmpty() || shares.get(shares.size() - 1) != share) {
                        shares.add(share);
                    }
                    return FINAL.contains(browser.findElement(By.id("status")).getText());
                });
        return shares;
    }

    private static void screenshot(String name) throws IOException {
        Path file = RepoLayout.locate().root().resolve("end-to-end-tests/target/" + name + ".png");
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Dashboard screenshot: " + file);
    }

    private static Optional<Path> executable(String variable, String debianPath) {
        return Optional.ofNullable(System.getenv(variable))
                .or(() -> Optional.of(debianPath))
                .map(Path::of)
                .filter(Files::isExecutable);
    }
}
