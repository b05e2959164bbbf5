package org.parley.standalone;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium and ChromeDriver, named explicitly so that Selenium Manager downloads
 * nothing. Where they are not installed, browser tests skip with a message; CI installs
 * them.
 */
final class HeadlessChromium {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private HeadlessChromium() {
	}

	static WebDriver start() {
		return start(null);
	}

	/**
	 * A browser whose {@code Accept-Language} is the one given (as "de-DE,de"), as a
	 * reader's browser set to their language sends it; null for Chromium's own (English).
	 */
	static WebDriver start(String acceptLanguages) {
		assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
				"Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver); skipped");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
				"--window-size=1280,1800");
		if (acceptLanguages != null) {
			options.addArguments("--lang=" + acceptLanguages.split(",")[0]);
			options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguages));
		}
		return new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build(),
				options);
	}

	/** Saves what the page shows to target/screenshots, for a person to look at. */
	static void screenshot(WebDriver browser, String name) throws java.io.IOException {
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
