package org.parley.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.web.system.DevMailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17's browser acceptance: an organiser signs in and answers a comment from the
 * discussion page; the comment's author is mailed the answer by the invite-worker, signs
 * in by magic link and sees the answer under the comment; then the organiser asks for the
 * PDF report, follows it being made on the progress page and downloads it, and the file
 * holds the comment and its answer.
 */
class OutcomeBrowserTests {

	private WebDriver organiser;

	private WebDriver participant;

	@AfterEach
	void closeBrowsers() {
		for (WebDriver browser : new WebDriver[] { this.organiser, this.participant }) {
			if (browser != null) {
				browser.quit();
			}
		}
	}

	@Test
	void organiserAnswersACommentItsAuthorSeesTheAnswerAndTheOrganiserDownloadsTheReport() throws Exception {
		StandaloneApplication app = RunningParley.get();
		String base = RunningParley.baseUrl();
		var web = app.web();
		UUID discussion = openDiscussion(web.getBean(DiscussionRepository.class),
				web.getBean(OrganiserRepository.class));
		String email = "ana-" + UUID.randomUUID() + "@example.org";
		UUID author = web.getBean(ParticipantRepository.class).findOrCreate(email, OffsetDateTime.now()).id();
		web.getBean(ParticipantRepository.class).rename(author, "Ana from Quito");
		UUID comment = UUID.randomUUID();
		web.getBean(CommentRepository.class)
			.add(new Comment(comment, discussion,
					web.getBean(DiscussionRepository.class).sectionId(discussion, 2).orElseThrow(), null, null, null,
					author, "Please publish the action plans in plain language.", CommentState.PUBLISHED, 0,
					OffsetDateTime.now()));

		this.organiser = HeadlessChromium.start();
		WebDriverWait wait = waitFor(this.organiser);
		this.organiser.get(base + "/discussions/" + discussion + "/moderation");
		wait.until(d -> d.getCurrentUrl().contains("/login"));
		this.organiser.findElement(By.id("username")).sendKeys(RunningParley.ADMIN);
		this.organiser.findElement(By.id("password")).sendKeys(RunningParley.PASSWORD);
		this.organiser.findElement(By.cssSelector("button[type=submit]")).click();
		HeadlessChromium.screenshot(this.organiser, "outcome-organiser-signed-in");
		wait.until(d -> d.getCurrentUrl().contains("/moderation"));
		assertThat(this.organiser.findElement(By.id("queue-empty")).getText())
			.isEqualTo("Nothing waits for a decision.");
		this.organiser.get(base + "/discussions/" + discussion);
		assertThat(this.organiser.findElement(By.id("responses-published")).getText())
			.isEqualTo("Responses published: 0 of 1");
		this.organiser.findElement(By.cssSelector("#section-2 .comments-toggle")).click();
		try {
			wait.until(d -> !d.findElements(By.cssSelector("#section-2 form.answer-form")).isEmpty());
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			HeadlessChromium.screenshot(this.organiser, "outcome-organiser-no-answer-form");
			System.out.println("PAGE: " + this.organiser.findElement(By.id("section-2")).getText());
			throw ex;
		}
		new Select(this.organiser.findElement(By.id("answer-status-" + comment))).selectByValue("PARTLY_ACCEPTED");
		this.organiser.findElement(By.id("answer-text-" + comment))
			.sendKeys("Each plan will get a <em>plain-language</em> summary.");
		this.organiser.findElement(By.cssSelector("#section-2 form.answer-form button[type=submit]")).click();
		wait.until(
				d -> d.findElement(By.cssSelector("#section-2 .comment-status")).getText().equals("Answer published."));
		HeadlessChromium.screenshot(this.organiser, "outcome-organiser-answered");
		this.organiser.navigate().refresh();
		assertThat(this.organiser.findElement(By.id("responses-published")).getText())
			.isEqualTo("Responses published: 1 of 1");

		MimeMessage answerMail = await().atMost(Duration.ofSeconds(30))
			.until(() -> mailsTo(app, email).stream().filter(m -> subject(m).contains("was answered")).findFirst(),
					Optional::isPresent)
			.orElseThrow();
		assertThat(subject(answerMail)).isEqualTo("Your comment on 1.1. Build was answered");
		assertThat(answerMail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

		this.participant = HeadlessChromium.start();
		WebDriverWait waitParticipant = waitFor(this.participant);
		this.participant.get(base + "/discussions/" + discussion);
		this.participant.findElement(By.id("sign-in-email")).sendKeys(email);
		this.participant.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		waitParticipant.until(d -> d.findElement(By.id("sign-in-status")).getText().contains("Check your email"));
		DevMailbox mailbox = web.getBean(DevMailbox.class);
		String link = await().atMost(Duration.ofSeconds(30))
			.until(() -> mailbox.messages()
				.stream()
				.filter(m -> m.to().contains(email))
				.map(m -> Pattern.compile("https?://[^\\s\"<>]+/sign-in/[^\\s\"<>]+").matcher(m.text()))
				.filter(Matcher::find)
				.map(Matcher::group)
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		this.participant.get(base + link.substring(link.indexOf("/sign-in/")));
		waitParticipant.until(d -> d.getCurrentUrl().endsWith("/discussions/" + discussion));
		this.participant.get(base + "/discussions/" + discussion + "?section=2#comment-" + comment);
		waitParticipant
			.until(d -> !d.findElements(By.cssSelector("#comment-" + comment + " .comment-response")).isEmpty());

		var answer = this.participant.findElement(By.cssSelector("#comment-" + comment + " .comment-response"));
		assertThat(answer.findElement(By.cssSelector(".response-status")).getText()).isEqualTo("Partly accepted");
		assertThat(answer.findElement(By.cssSelector(".response-text")).getText())
			.isEqualTo("Each plan will get a <em>plain-language</em> summary.");
		assertThat(answer.findElements(By.tagName("em"))).as("the answer is text, never markup").isEmpty();
		assertThat(this.participant.findElements(By.cssSelector("form.answer-form"))).as("organisers only").isEmpty();
		HeadlessChromium.screenshot(this.participant, "outcome-participant-sees-answer");

		this.organiser.get(base + "/discussions/" + discussion);
		new Select(this.organiser.findElement(By.id("report-format"))).selectByValue("PDF");
		this.organiser.findElement(By.id("report-create")).click();
		wait.until(d -> d.getCurrentUrl().contains("/reports/"));
		assertThat(this.organiser.findElement(By.id("report-wait")).getText())
			.as("shown until the report is made, or already hidden if it was quicker than the page")
			.isIn("Creating your report… please do not close this window.", "");
		WebDriverWait report = new WebDriverWait(this.organiser, Duration.ofSeconds(90), Duration.ofMillis(100));
		report.ignoring(StaleElementReferenceException.class);
		report.until(d -> d.findElement(By.id("download-link")).isDisplayed());
		HeadlessChromium.screenshot(this.organiser, "outcome-organiser-report-ready");
		assertThat(this.organiser.findElement(By.id("progress-percent")).getText()).isEqualTo("100%");
		assertThat(this.organiser.findElement(By.id("report-wait")).isDisplayed()).isFalse();
		String download = this.organiser.findElement(By.id("download-link")).getDomProperty("href");
		assertThat(download).startsWith(base + "/api/reports/").endsWith("/file");

		HttpResponse<byte[]> file = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(download)).header("Cookie", cookies(this.organiser)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(file.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(d -> assertThat(d).startsWith("attachment").contains(".pdf"));
		java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "outcome-report.pdf"), file.body());
		try (PDDocument pdf = Loader.loadPDF(file.body())) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Open Government Strategy", "Ana from Quito",
					"Please publish the action plans in plain language.", "Response: Partly accepted",
					"Each plan will get a <em>plain-language</em> summary.");
			assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).as("tagged").isNotNull();
		}
		HttpResponse<byte[]> stranger = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(download)).header("Cookie", cookies(this.participant)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(stranger.statusCode()).as("a participant's session cannot download the organiser's report")
			.isNotEqualTo(200);
	}

	/** The browser's cookies for the server, as a request header carries them. */
	private static String cookies(WebDriver browser) {
		return browser.manage()
			.getCookies()
			.stream()
			.map(c -> c.getName() + "=" + c.getValue())
			.collect(java.util.stream.Collectors.joining("; "));
	}

	private static WebDriverWait waitFor(WebDriver browser) {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(50));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	private static UUID openDiscussion(DiscussionRepository discussions, OrganiserRepository organisers) {
		UUID owner = organisers.findByEmail(RunningParley.ADMIN).orElseThrow().id();
		UUID id = discussions.addDraft(null, owner, "Open Government Strategy", new Outline("Open Government Strategy",
				null,
				List.of(new OutlineSection("Strategic Goal 1:", "Lead", 1, List.of(Block.paragraph("One."))),
						new OutlineSection("1.1.", "Build", 2, List.of(Block.paragraph("A."), Block.listItem("B."))))),
				OffsetDateTime.now());
		Discussion draft = discussions.findById(id).orElseThrow();
		discussions
			.update(draft.schedule(null, OffsetDateTime.now().plusDays(12), null).publish(java.time.Clock.systemUTC()));
		return id;
	}

	private static List<MimeMessage> mailsTo(StandaloneApplication app, String to) {
		return Arrays.stream(app.mail().getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(to);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
