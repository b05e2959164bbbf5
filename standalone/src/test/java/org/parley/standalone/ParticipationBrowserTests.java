package org.parley.standalone;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.web.system.DevMailbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant in headless Chromium: asks for a magic link, opens it from the mailbox,
 * chooses a name, votes, comments, replies and votes on a comment, and sees the counts
 * change without reloading.
 */
class ParticipationBrowserTests {

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

	@Test
	void participantVotesCommentsRepliesAndSeesTheCountsChange() throws Exception {
		String base = RunningParley.baseUrl();
		var web = RunningParley.get().web();
		UUID discussion = openDiscussion(web.getBean(DiscussionRepository.class),
				web.getBean(OrganiserRepository.class));
		String email = "reader-" + UUID.randomUUID() + "@example.org";
		WebDriverWait wait = liveWait();
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);

		signIn(base, web, discussion, email, "Ana from Quito", wait);

		WebElement section2 = this.browser.findElement(By.id("section-2"));
		section2.findElement(By.cssSelector("button.vote[data-value=AGREE]")).click();
		wait.until(d -> d.findElement(By.id("section-2"))
			.findElement(By.cssSelector(".agree-count"))
			.getText()
			.equals("1 agree"));
		assertThat(section2.findElement(By.cssSelector(".percent")).getText()).contains("100% positive");
		assertThat(section2.findElement(By.cssSelector("button.vote[data-value=AGREE]")).getAttribute("aria-pressed"))
			.isEqualTo("true");

		section2.findElement(By.cssSelector(".comments-toggle")).click();
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("var p = document.querySelector('#section-2 p.paragraph'); var r = document.createRange();"
					+ " r.selectNodeContents(p); var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);");
		section2.findElement(By.cssSelector(".comment-form .quote-selection")).click();
		assertThat(section2.findElement(By.cssSelector(".comment-form textarea[name=quote]")).getAttribute("value"))
			.isEqualTo("A.");
		assertThat(section2.findElement(By.cssSelector(".comment-form select[name=paragraphNumber]"))
			.getAttribute("value")).as("the quoted passage's paragraph").isEqualTo("1");
		section2.findElement(By.cssSelector(".comment-form textarea"))
			.sendKeys("<b>Not bold</b> — see https://example.org/a");
		section2.findElement(By.cssSelector(".comment-form button[type=submit]")).click();
		wait.until(d -> !d.findElements(By.cssSelector("#section-2 .comment-text")).isEmpty());
		// The thread is drawn again when the list reloads and when the live event comes:
		// each check reads the page as it is then.
		wait.until(d -> {
			WebElement text = d.findElement(By.cssSelector("#section-2 .comment-text"));
			return text.getText().startsWith("<b>Not bold</b>") && text.findElements(By.tagName("b")).isEmpty()
					&& "https://example.org/a".equals(text.findElement(By.tagName("a")).getAttribute("href"))
					&& d.findElement(By.cssSelector("#section-2 .comment-quote")).getText().equals("A.");
		});
		wait.until(d -> d.findElement(By.cssSelector("#section-2 .comment-status"))
			.getText()
			.contains("Did you know you can vote on comments?"));
		wait.until(d -> d.findElement(By.cssSelector("#section-2 .comments-toggle")).getText().contains("(1)"));

		this.browser.findElement(By.xpath("//section[@id='section-2']//button[text()='Vote up']")).click();
		wait.until(d -> d.findElement(By.cssSelector("#section-2 .comment-actions span")).getText().startsWith("▲ 1"));
		this.browser.findElement(By.xpath("//section[@id='section-2']//button[text()='Reply']")).click();
		this.browser.findElement(By.cssSelector("#section-2 form.reply-form textarea")).sendKeys("Answering myself.");
		this.browser.findElement(By.cssSelector("#section-2 form.reply-form button")).click();
		wait.until(d -> d.findElement(By.cssSelector("#section-2 .replies .comment-meta"))
			.getText()
			.startsWith("Ana from Quito"));

		this.browser.navigate().refresh();
		assertThat(this.browser.findElement(By.id("positive-percent")).getText()).isEqualTo("100%");
		assertThat(this.browser.findElement(By.id("my-contributions")).getText()).contains("1 vote, 2 comments");
		screenshot("participation");
		assertThat(seriousAccessibilityViolations()).as("axe-core serious or critical violations").isEmpty();
	}

	@Test
	void aTableIsShownWithItsHeaderCellsAndAParticipantCommentsOnItQuotingACell() throws Exception {
		String base = RunningParley.baseUrl();
		var web = RunningParley.get().web();
		UUID discussion = openDiscussionWithATable(web.getBean(DiscussionRepository.class),
				web.getBean(OrganiserRepository.class));
		WebDriverWait wait = liveWait();
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);

		signIn(base, web, discussion, "table-reader-" + UUID.randomUUID() + "@example.org", "Bo from Graz", wait);

		WebElement section = this.browser.findElement(By.id("section-1"));
		WebElement table = section.findElement(By.cssSelector(".table-wrap table"));
		assertThat(table.findElement(By.tagName("caption")).getText()).isEqualTo("Table 1: Emission targets by sector");
		assertThat(table.findElements(By.cssSelector("thead th"))).extracting(WebElement::getText)
			.containsExactly("Sector", "Reduction against 1990", "2030", "2040", "2050");
		assertThat(table.findElements(By.cssSelector("thead th"))).extracting(th -> th.getAttribute("scope"))
			.containsExactly("col", "colgroup", "col", "col", "col");
		assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(3);
		assertThat(table.findElements(By.cssSelector("tbody tr:nth-child(2) td"))).extracting(WebElement::getText)
			.containsExactly("Buildings", "to be agreed", "to be agreed", "net zero");
		screenshot("table-1280");
		assertThat(seriousAccessibilityViolations()).as("axe-core serious or critical violations").isEmpty();
		assertThat(accessibilityViolations(".table-wrap")).as("axe-core violations of any impact in the table")
			.isEmpty();

		section.findElement(By.cssSelector(".comments-toggle")).click();
		table.findElement(By.xpath(".//tbody/tr[1]/td[4]")).click();
		section.findElement(By.cssSelector(".comment-form .quote-selection")).click();
		// The quote goes into its own field, where the participant can cut it down.
		assertThat(section.findElement(By.cssSelector(".comment-form textarea[name=quote]")).getDomProperty("value"))
			.isEqualTo("net zero");
		assertThat(
				section.findElement(By.cssSelector(".comment-form select[name=paragraphNumber]")).getAttribute("value"))
			.as("the quote sets the table as the paragraph")
			.isEqualTo("2");
		section.findElement(By.cssSelector(".comment-form textarea[name=text]"))
			.sendKeys("Net zero by 2050 comes too late for transport.");
		section.findElement(By.cssSelector(".comment-form button[type=submit]")).click();
		wait.until(d -> d.findElement(By.cssSelector("#section-1 .comment-quote")).getText().equals("net zero")
				&& d.findElement(By.cssSelector("#section-1 .comment-meta")).getText().contains("Bo from Graz")
				&& d.findElement(By.cssSelector("#section-1 .comment-meta")).getText().contains("paragraph 2"));
		UUID tableId = web.getBean(DiscussionRepository.class).findSections(discussion).get(0).paragraphs().get(1).id();
		assertThat(web.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("select paragraph_id from comment where discussion_id = :d")
			.param("d", discussion)
			.query(UUID.class)
			.single()).as("the comment is on the table as one unit").isEqualTo(tableId);
		screenshot("table-comment-1280");

		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 1600));
		this.browser.navigate().refresh();
		var js = (org.openqa.selenium.JavascriptExecutor) this.browser;
		wait.until(d -> ((Number) js.executeScript("return window.innerWidth;")).intValue() <= 400);
		assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth;")).intValue())
			.as("the page itself does not scroll sideways on a 390 px phone")
			.isLessThanOrEqualTo(((Number) js.executeScript("return window.innerWidth;")).intValue());
		assertThat(((Number) js.executeScript(
				"var w = document.querySelector('#section-1 .table-wrap'); return w.getBoundingClientRect().right;"))
			.doubleValue()).as("the table's wrapper stays within the screen")
			.isLessThanOrEqualTo(((Number) js.executeScript("return window.innerWidth;")).doubleValue());
		js.executeScript("document.querySelector('#section-1 .table-wrap').scrollIntoView();");
		screenshot("table-390");
		assertThat(seriousAccessibilityViolations()).as("axe-core serious or critical violations at 390 px").isEmpty();
		assertThat(accessibilityViolations(".table-wrap")).as("axe-core violations in the table at 390 px").isEmpty();
	}

	@Test
	void theOrganiserTurnsADraftsTableIntoParagraphsAndBackOnTheDraftPreview() throws Exception {
		String base = RunningParley.baseUrl();
		var web = RunningParley.get().web();
		DiscussionRepository discussions = web.getBean(DiscussionRepository.class);
		UUID discussion = draftWithATable(discussions, web.getBean(OrganiserRepository.class));
		WebDriverWait wait = liveWait();
		// A draft is hidden from everyone but its organisers: sign in first.
		this.browser.get(base + "/login");
		this.browser.findElement(By.id("username")).sendKeys(RunningParley.ADMIN);
		this.browser.findElement(By.id("password")).sendKeys(RunningParley.PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(d -> !d.getCurrentUrl().contains("/login"));
		this.browser.get(base + "/discussions/" + discussion);
		UUID tableId = discussions.findSections(discussion).get(0).paragraphs().get(1).id();

		this.browser.findElement(By.cssSelector("#section-1 button[value=TABLE_TO_PARAGRAPHS]")).click();
		wait.until(d -> d.findElements(By.cssSelector("#section-1 .table-wrap")).isEmpty());
		assertThat(this.browser.findElements(By.cssSelector("#section-1 p.paragraph"))).extracting(WebElement::getText)
			.containsExactly("The council sets the following targets.", "Table 1: Emission targets by sector",
					"Sector | Reduction against 1990 | Reduction against 1990 | Reduction against 1990",
					"Sector | 2030 | 2040 | 2050", "Transport | 40 % | 70 % | net zero",
					"Buildings | to be agreed | to be agreed | net zero", "Industry | 35 % | 60 % | 90 %",
					"The targets are reviewed every five years.");
		screenshot("table-draft-paragraphs");

		WebElement form = this.browser.findElement(By.cssSelector("#section-1 form.to-table"));
		new org.openqa.selenium.support.ui.Select(form.findElement(By.name("paragraph"))).selectByValue("3");
		new org.openqa.selenium.support.ui.Select(form.findElement(By.name("to"))).selectByValue("7");
		new org.openqa.selenium.support.ui.Select(form.findElement(By.name("headerRows"))).selectByValue("2");
		form.findElement(By.cssSelector("button[value=PARAGRAPHS_TO_TABLE]")).click();
		wait.until(d -> !d.findElements(By.cssSelector("#section-1 .table-wrap table")).isEmpty());
		assertThat(this.browser.findElements(By.cssSelector("#section-1 .table-wrap thead th")))
			.extracting(WebElement::getText)
			.containsExactly("Sector", "Reduction against 1990", "2030", "2040", "2050");
		assertThat(discussions.findSections(discussion).get(0).paragraphs().get(2).id())
			.as("the table keeps its id through both edits")
			.isEqualTo(tableId);
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("document.querySelector('#section-1').scrollIntoView();");
		screenshot("table-draft-preview");
		assertThat(seriousAccessibilityViolations()).as("axe-core serious or critical violations on the draft")
			.isEmpty();
	}

	/**
	 * Signs in as a participant would: asks for a link on the page, reads it from the
	 * mailbox, opens it and chooses a name.
	 */
	private void signIn(String base, org.springframework.context.ConfigurableApplicationContext web, UUID discussion,
			String email, String displayName, WebDriverWait wait) {
		this.browser.get(base + "/discussions/" + discussion);
		this.browser.findElement(By.id("sign-in-email")).sendKeys(email);
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		wait.until(d -> d.findElement(By.id("sign-in-status")).getText().contains("Check your email"));
		DevMailbox mailbox = web.getBean(DevMailbox.class);
		String link = org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> mailbox.messages()
				.stream()
				.filter(m -> m.to().contains(email))
				.map(m -> java.util.regex.Pattern.compile("https?://[^\\s\"<>]+/sign-in/[^\\s\"<>]+").matcher(m.text()))
				.filter(java.util.regex.Matcher::find)
				.map(java.util.regex.Matcher::group)
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		this.browser.get(base + link.substring(link.indexOf("/sign-in/")));
		wait.until(d -> d.getCurrentUrl().contains("/me/name"));
		WebElement name = this.browser.findElement(By.id("name"));
		name.clear();
		name.sendKeys(displayName);
		this.browser.findElement(By.cssSelector("main button[type=submit]")).click();
		wait.until(d -> d.getCurrentUrl().endsWith("/discussions/" + discussion));

	}

	/**
	 * Runs axe-core (MPL 2.0, vendored from npm) on the page, returning serious and
	 * critical findings.
	 */
	@SuppressWarnings("unchecked")
	private List<String> seriousAccessibilityViolations() throws Exception {
		String axe;
		try (var in = getClass().getResourceAsStream("/axe/axe.min.js")) {
			axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		var js = (org.openqa.selenium.JavascriptExecutor) this.browser;
		js.executeScript(axe);
		this.browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		List<Object> violations = (List<Object>) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
				+ "axe.run(document).then(function (r) { done(r.violations.filter(function (v) {"
				+ " return v.impact === 'serious' || v.impact === 'critical'; }).map(function (v) {"
				+ " return v.id + ': ' + v.help + ' ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');"
				+ " })); });");
		return violations.stream().map(String::valueOf).toList();
	}

	/** Violations of any impact within the elements {@code selector} finds. */
	@SuppressWarnings("unchecked")
	private List<String> accessibilityViolations(String selector) {
		var js = (org.openqa.selenium.JavascriptExecutor) this.browser;
		List<Object> violations = (List<Object>) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
				+ "axe.run(arguments[0]).then(function (r) { done(r.violations.map(function (v) {"
				+ " return v.impact + ' ' + v.id + ': ' + v.help + ' ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');"
				+ " })); });", selector);
		return violations.stream().map(String::valueOf).toList();
	}

	private static UUID openDiscussionWithATable(DiscussionRepository discussions, OrganiserRepository organisers) {
		UUID id = draftWithATable(discussions, organisers);
		Discussion draft = discussions.findById(id).orElseThrow();
		discussions
			.update(draft.schedule(null, OffsetDateTime.now().plusDays(12), null).publish(java.time.Clock.systemUTC()));
		return id;
	}

	private static UUID draftWithATable(DiscussionRepository discussions, OrganiserRepository organisers) {
		UUID owner = organisers.findByEmail(RunningParley.ADMIN).orElseThrow().id();
		org.parley.domain.outline.TableCells targets = new org.parley.domain.outline.TableCells(
				List.of(List.of("Sector", "Reduction against 1990", "Reduction against 1990", "Reduction against 1990"),
						List.of("Sector", "2030", "2040", "2050"), List.of("Transport", "40 %", "70 %", "net zero"),
						List.of("Buildings", "to be agreed", "to be agreed", "net zero"),
						List.of("Industry", "35 %", "60 %", "90 %")),
				2, "Table 1: Emission targets by sector");
		UUID id = discussions.addDraft(null, owner, "Climate targets", new Outline("Climate targets", null, List.of(
				new OutlineSection("1.", "Targets", 1,
						List.of(Block.paragraph("The council sets the following targets."), Block.table(targets),
								Block.paragraph("The targets are reviewed every five years."))),
				new OutlineSection("2.", "Review", 1, List.of(Block.paragraph("Every five years."))))),
				OffsetDateTime.now());
		return id;
	}

	private static UUID openDiscussion(DiscussionRepository discussions, OrganiserRepository organisers) {
		UUID owner = organisers.findByEmail(RunningParley.ADMIN).orElseThrow().id();
		UUID id = discussions.addDraft(null, owner, "Open consultation", new Outline("Open consultation", null,
				List.of(new OutlineSection("Strategic Goal 1:", "Lead", 1, List.of(Block.paragraph("One."))),
						new OutlineSection("1.1.", "Build", 2, List.of(Block.paragraph("A."), Block.listItem("B."))))),
				OffsetDateTime.now());
		Discussion draft = discussions.findById(id).orElseThrow();
		discussions
			.update(draft.schedule(null, OffsetDateTime.now().plusDays(12), null).publish(java.time.Clock.systemUTC()));
		return id;
	}

	private void screenshot(String name) throws Exception {
		HeadlessChromium.screenshot(this.browser, name);
	}

	/**
	 * Waits that read the page again when live updates have replaced what they found a
	 * moment before.
	 */
	private WebDriverWait liveWait() {
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30), Duration.ofMillis(50));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		return wait;
	}

}
