package org.parley.standalone;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.Privacy;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organiser in headless Chromium invites people to a private discussion: pastes a list
 * with an invalid and a repeated address, watches the counts over SSE until all are sent,
 * finds the mail in the dev mailbox, and the invitee's personal link opens the private
 * discussion. Then the organiser resends to one invitee and revokes another, whose link
 * stops working.
 */
class InvitationBrowserTests {

	private static final String QUEUED_MESSAGE = "Your invites are being queued for sending. This might take some time depending on the number of invites";

	private static final Pattern PERSONAL_LINK = Pattern
		.compile("http://localhost:\\d+/invitations/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

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
	void organiserInvitesWatchesTheCountsTheInviteeOpensThePrivateDiscussionAndTheOrganiserResendsAndRevokes()
			throws Exception {
		String base = RunningParley.baseUrl();
		var web = RunningParley.get().web();
		String run = UUID.randomUUID().toString().substring(0, 8);
		UUID discussion = privateDiscussion(web.getBean(DiscussionRepository.class),
				web.getBean(OrganiserRepository.class), "Consultation " + run);
		String ana = "ana-" + run + "@example.org";
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(60), Duration.ofMillis(50));

		this.browser.get(base + "/login");
		this.browser.findElement(By.id("username")).sendKeys(RunningParley.ADMIN);
		this.browser.findElement(By.id("password")).sendKeys(RunningParley.PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(d -> !d.getCurrentUrl().contains("/login"));
		assertThat(text("yours")).as("the home page lists the organiser's discussions").isNotEmpty();
		this.browser.get(base + "/discussions/" + discussion);
		this.browser.findElement(By.id("invite-link")).click();
		wait.until(d -> d.getCurrentUrl().endsWith("/discussions/" + discussion + "/invitations"));

		this.browser.findElement(By.id("emails"))
			.sendKeys(ana + "\nBo-" + run + "@Example.org,Bo Chen\nnot-an-address\nANA-" + run + "@example.org\ncy-"
					+ run + "@example.org");
		this.browser.findElement(By.id("message")).sendKeys("We would value <b>your</b> view.");
		this.browser.findElement(By.id("invite-button")).click();

		wait.until(d -> d.getCurrentUrl().matches(".*/invitation-batches/[0-9a-f-]{36}$"));
		String batchPage = this.browser.getCurrentUrl();
		List<String> sentCounts = new ArrayList<>();
		List<String> messages = new ArrayList<>();
		wait.until(d -> {
			String sent = d.findElement(By.id("count-sent")).getText();
			if (sentCounts.isEmpty() || !sentCounts.get(sentCounts.size() - 1).equals(sent)) {
				sentCounts.add(sent);
			}
			String message = d.findElement(By.id("batch-message")).getText();
			if (!messages.contains(message)) {
				messages.add(message);
			}
			return "SUCCEEDED".equals(d.findElement(By.id("batch-state")).getAttribute("data-state"));
		});
		sentCounts.add(text("count-sent"));
		screenshot("invitation-batch");

		assertThat(messages).contains(QUEUED_MESSAGE);
		assertThat(sentCounts).as("sent counts seen live").last().isEqualTo("3");
		assertThat(sentCounts.size()).as("sent counts seen live").isGreaterThan(1);
		assertThat(text("count-total")).isEqualTo("5");
		assertThat(text("count-invalid")).isEqualTo("1");
		assertThat(text("count-duplicates")).isEqualTo("1");
		assertThat(text("count-suppressed")).isEqualTo("0");
		assertThat(text("count-queued")).isEqualTo("0");
		assertThat(text("count-failed")).isEqualTo("0");
		assertThat(text("batch-percent")).isEqualTo("100%");
		wait.until(d -> d.findElement(By.id("invalid-list")).getText().contains("not-an-address"));
		assertThat(this.browser.findElement(By.id("invalid-list")).getText()).contains("line 3");

		JsonNode mail = mailTo(wait, base, ana);
		assertThat(mail.get("subject").asString()).isEqualTo("Invitation: Consultation " + run);
		assertThat(mail.get("text").asString()).contains("We would value <b>your</b> view.");
		assertThat(mail.get("html").asString()).contains("We would value &lt;b&gt;your&lt;/b&gt; view.");
		assertThat(mail.get("headers").get("List-Unsubscribe-Post").asString()).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(mail.get("headers").get("Auto-Submitted").asString()).isEqualTo("auto-generated");
		Matcher link = PERSONAL_LINK.matcher(mail.get("text").asString());
		assertThat(link.find()).as("personal link in the text part").isTrue();
		assertThat(mail.get("html").asString()).contains(link.group());

		this.browser.manage().deleteAllCookies();
		this.browser.get(link.group());
		wait.until(d -> d.getCurrentUrl().contains("/me/name")
				|| d.getCurrentUrl().endsWith("/discussions/" + discussion));
		if (this.browser.getCurrentUrl().contains("/me/name")) {
			this.browser.findElement(By.id("name")).clear();
			this.browser.findElement(By.id("name")).sendKeys("Ana");
			this.browser.findElement(By.cssSelector("main button[type=submit]")).click();
			wait.until(d -> d.getCurrentUrl().endsWith("/discussions/" + discussion));
		}
		assertThat(text("discussion-title")).isEqualTo("Consultation " + run);
		screenshot("invitee-on-private-discussion");

		// The organiser resends to Bo and revokes Ana's invitation.
		this.browser.manage().deleteAllCookies();
		this.browser.get(batchPage);
		wait.until(d -> d.getCurrentUrl().contains("/login"));
		this.browser.findElement(By.id("username")).sendKeys(RunningParley.ADMIN);
		this.browser.findElement(By.id("password")).sendKeys(RunningParley.PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(d -> d.getCurrentUrl().startsWith(batchPage));
		String bo = "Bo-" + run + "@Example.org";
		wait.until(d -> !d.findElements(By.cssSelector("button[aria-label='Resend " + bo + "']")).isEmpty());
		this.browser.findElement(By.cssSelector("button[aria-label='Revoke " + ana + "']")).click();
		this.browser.switchTo().alert().accept();
		wait.until(d -> d.findElement(By.id("invitee-status")).getText().contains("revoked"));
		assertThat(this.browser.findElement(By.xpath("//tr[td[text()='" + ana + "']]/td[@class='status']")).getText())
			.isEqualTo("Sent, revoked");
		assertThat(this.browser.findElement(By.id("invitees-more")).isDisplayed()).as("one page only").isFalse();
		this.browser.findElement(By.cssSelector("button[aria-label='Resend " + bo + "']")).click();
		wait.until(d -> !d.findElements(By.linkText("Resent: follow it")).isEmpty());
		screenshot("invitation-batch-resent-and-revoked");
		this.browser.findElement(By.linkText("Resent: follow it")).click();
		wait.until(d -> d.getCurrentUrl().matches(".*/invitation-batches/[0-9a-f-]{36}$")
				&& !d.getCurrentUrl().startsWith(batchPage));
		wait.until(d -> "SUCCEEDED".equals(d.findElement(By.id("batch-state")).getAttribute("data-state")));
		assertThat(text("count-total")).isEqualTo("1");
		assertThat(text("count-sent")).isEqualTo("1");
		wait.until(d -> mailsTo(d, base, bo.toLowerCase()) == 2);

		this.browser.manage().deleteAllCookies();
		this.browser.get(link.group());
		assertThat(this.browser.findElement(By.tagName("body")).getText())
			.contains("The organiser has withdrawn this invitation.");
		this.browser.get(base + "/discussions/" + discussion);
		assertThat(this.browser.findElements(By.id("discussion-title"))).as("private discussion, no session").isEmpty();
	}

	/**
	 * The caught mail, read as an organiser: the dev mailbox holds every magic link, so
	 * the browser, signed out or in as a participant, may not read it.
	 */
	private static JsonNode caughtMail(String base) {
		String credentials = java.util.Base64.getEncoder()
			.encodeToString((RunningParley.ADMIN + ":" + RunningParley.PASSWORD)
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		try {
			java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/dev/mailbox"))
					.header("Authorization", "Basic " + credentials)
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			return JsonMapper.builder().build().readTree(response.body());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static long mailsTo(WebDriver browser, String base, String address) {
		long count = 0;
		for (JsonNode mail : caughtMail(base)) {
			if (mail.get("to").asString().toLowerCase().contains(address)) {
				count++;
			}
		}
		return count;
	}

	private JsonNode mailTo(WebDriverWait wait, String base, String address) {
		return wait.until(d -> {
			for (JsonNode mail : caughtMail(base)) {
				if (mail.get("to").asString().contains(address)) {
					return mail;
				}
			}
			return null;
		});
	}

	/**
	 * The element's text, once it is on the page: the address bar changes before the new
	 * page is there.
	 */
	private String text(String id) {
		return new WebDriverWait(this.browser, Duration.ofSeconds(30), Duration.ofMillis(50))
			.until(d -> d.findElement(By.id(id)))
			.getText();
	}

	private static UUID privateDiscussion(DiscussionRepository discussions, OrganiserRepository organisers,
			String title) {
		UUID owner = organisers.findByEmail(RunningParley.ADMIN).orElseThrow().id();
		UUID id = discussions.addDraft(null, owner, title,
				new Outline(title, null,
						List.of(new OutlineSection("1.", "Goals", 1, List.of(Block.paragraph("One."))))),
				OffsetDateTime.now());
		Discussion d = discussions.findById(id).orElseThrow().schedule(null, OffsetDateTime.now().plusDays(12), null);
		discussions.update(new Discussion(d.id(), d.importId(), d.title(), d.description(), Privacy.PRIVATE,
				d.opensAt(), d.closesAt(), d.timeZone(), d.publishedAt(), d.statusOverride(), d.createdAt())
			.publish(Clock.systemUTC()));
		return id;
	}

	private void screenshot(String name) throws Exception {
		HeadlessChromium.screenshot(this.browser, name);
	}

}
