package org.parley.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organiser in headless Chromium: signs in, drops a PDF on the upload page, watches
 * the progress page reach 100%, and lands on the new discussion with every section shown.
 */
class ImportBrowserTests {

	private WebDriver browser;

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.start();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	private void screenshot(String name) throws IOException {
		HeadlessChromium.screenshot(this.browser, name);
	}

	@Test
	void organiserUploadsAPdfWatchesProgressAndReadsTheSections() throws Exception {
		String base = RunningParley.baseUrl();
		Path pdf = Files.createTempFile("draft-strategy", ".pdf");
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("samples/doc-office.pdf")) {
			Files.copy(in, pdf, StandardCopyOption.REPLACE_EXISTING);
		}
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(60), Duration.ofMillis(50));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);

		signInToTheImportPage(base, wait);

		this.browser.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
		assertThat(this.browser.findElement(By.id("file-name")).getText()).contains("draft-strategy");
		this.browser.findElement(By.id("upload-button")).click();

		wait.until(d -> d.getCurrentUrl().matches(".*/imports/[0-9a-f-]{36}$"));
		screenshot("progress");
		List<String> seen = new ArrayList<>();
		wait.until(d -> {
			String percent = d.findElement(By.id("progress-percent")).getText();
			if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(percent)) {
				seen.add(percent);
			}
			return "100%".equals(percent) || d.getCurrentUrl().contains("/discussions/");
		});
		wait.until(d -> d.getCurrentUrl().contains("/discussions/"));

		assertThat(seen).as("percentages shown on the progress page").isNotEmpty();
		screenshot("discussion");
		assertThat(this.browser.findElement(By.id("discussion-title")).getText())
			.isEqualTo("Draft OGP Strategy 2023 – 2028");
		List<WebElement> sections = this.browser.findElements(By.cssSelector("section.section"));
		assertThat(sections).hasSize(11);
		WebElement goal2 = sections.get(5);
		assertThat(goal2.findElement(By.cssSelector(".label")).getText()).isEqualTo("Strategic Goal 2:");
		assertThat(goal2.findElement(By.cssSelector(".heading")).getText())
			.startsWith("Catalyze transformative action");
		assertThat(goal2.getAttribute("data-level")).isEqualTo("1");
		WebElement section7 = sections.get(6);
		assertThat(section7.findElement(By.cssSelector(".label")).getText()).isEqualTo("2.1.");
		assertThat(section7.findElements(By.cssSelector(".list-item li"))).hasSize(3);
	}

	@Test
	void organiserPastesADriveLinkWatchesProgressAndReadsTheSections() throws Exception {
		String base = RunningParley.baseUrl();
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(60), Duration.ofMillis(50));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		signInToTheImportPage(base, wait);

		this.browser.findElement(By.id("drive-url"))
			.sendKeys("https://docs.google.com/document/d/" + FakeGoogleDrive.DOC_ID + "/edit?usp=sharing");
		this.browser.findElement(By.id("drive-button")).click();

		wait.until(d -> d.getCurrentUrl().matches(".*/imports/[0-9a-f-]{36}$"));
		List<String> messages = new ArrayList<>();
		// The progress page moves on to the discussion by itself, possibly between two
		// reads.
		wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
		wait.until(d -> {
			if (d.getCurrentUrl().contains("/discussions/")) {
				return true;
			}
			String message = d.findElement(By.id("progress-message")).getText();
			if (messages.isEmpty() || !messages.get(messages.size() - 1).equals(message)) {
				messages.add(message);
			}
			return false;
		});
		screenshot("drive-discussion");

		assertThat(messages).as("messages shown on the progress page")
			.contains(
					"Loading your document from Drive. It can take a while depending on the size of the document… please wait");
		assertThat(this.browser.findElement(By.id("discussion-title")).getText())
			.isEqualTo("Draft OGP Strategy 2023 – 2028");
		List<WebElement> sections = this.browser.findElements(By.cssSelector("section.section"));
		assertThat(sections).hasSize(11);
		assertThat(sections.get(5).findElement(By.cssSelector(".label")).getText()).isEqualTo("Strategic Goal 2:");
		assertThat(sections.get(6).findElement(By.cssSelector(".label")).getText()).isEqualTo("2.1.");
		assertThat(sections.get(6).findElements(By.cssSelector(".list-item li"))).hasSize(3);
	}

	private void signInToTheImportPage(String base, WebDriverWait wait) {
		this.browser.get(base + "/imports/new");
		wait.until(d -> d.getCurrentUrl().contains("/login"));
		this.browser.findElement(By.id("username")).sendKeys(RunningParley.ADMIN);
		this.browser.findElement(By.id("password")).sendKeys(RunningParley.PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(d -> d.getCurrentUrl().contains("/imports/new"));
	}

}
