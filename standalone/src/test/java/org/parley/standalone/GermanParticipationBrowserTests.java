package org.parley.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.web.system.DevMailbox;

import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's German run, as a German participant goes through it. An organiser (whose
 * browser asks for English) makes a consultation's language German and invites a
 * participant; the participant's browser asks for German ({@code Accept-Language:
 * de-DE}). The participant opens the German invitation, chooses a name, later signs in
 * again on another device with the German sign-in mail, and comments; an English-speaking
 * participant replies, and the reply's notification comes in German.
 * <p>
 * The German texts are the bundles' own (the web's {@code messages_de.properties} through
 * its message source, the mails' {@code mail/*_de.properties}), and every page and mail
 * is searched for the English bundle's texts, so that an English fallback anywhere fails
 * the run.
 */
class GermanParticipationBrowserTests {

	private static final Locale GERMAN = Locale.GERMAN;

	private static final Pattern PERSONAL_LINK = Pattern
		.compile("http://localhost:\\d+/invitations/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

	private static final Pattern SIGN_IN_LINK = Pattern.compile("https?://[^\\s\"<>]+/sign-in/[^\\s\"<>]+");

	private WebDriver organiser;

	private WebDriver german;

	private WebDriver replier;

	@AfterEach
	void closeBrowsers() {
		for (WebDriver browser : new WebDriver[] { this.organiser, this.german, this.replier }) {
			if (browser != null) {
				browser.quit();
			}
		}
	}

	@Test
	void aGermanParticipantIsInvitedSignsInCommentsAndIsToldOfAReplyAllInGerman() throws Exception {
		String base = RunningParley.baseUrl();
		var web = RunningParley.get().web();
		MessageSource messages = web.getBean(MessageSource.class);
		DevMailbox mailbox = web.getBean(DevMailbox.class);
		String run = UUID.randomUUID().toString().substring(0, 8);
		String title = "Radverkehrsstrategie " + run;
		UUID discussion = openDiscussion(web.getBean(DiscussionRepository.class),
				web.getBean(OrganiserRepository.class), title);
		String ana = "anna-" + run + "@example.org";

		// The organiser, in English, makes the discussion's language German and invites.
		this.organiser = HeadlessChromium.start();
		this.organiser.get(base + "/login");
		this.organiser.findElement(By.id("username")).sendKeys(RunningParley.ADMIN);
		this.organiser.findElement(By.id("password")).sendKeys(RunningParley.PASSWORD);
		this.organiser.findElement(By.cssSelector("main button[type=submit]")).click();
		wait(this.organiser).until(d -> !d.getCurrentUrl().contains("/login"));
		this.organiser.get(base + "/discussions/" + discussion);
		new Select(this.organiser.findElement(By.id("language"))).selectByValue("de");
		this.organiser.findElement(By.cssSelector("#settings-form button[type=submit]")).click();
		wait(this.organiser).until(d -> "de"
			.equals(new Select(d.findElement(By.id("language"))).getFirstSelectedOption().getAttribute("value")));
		assertThat(this.organiser.findElement(By.tagName("html")).getAttribute("lang"))
			.as("the organiser's own pages stay in the language the browser asks for")
			.isEqualTo("en");
		this.organiser.findElement(By.id("invite-link")).click();
		wait(this.organiser).until(d -> d.getCurrentUrl().endsWith("/discussions/" + discussion + "/invitations"));
		this.organiser.findElement(By.id("emails")).sendKeys(ana);
		this.organiser.findElement(By.id("invite-button")).click();

		// The invitation, in the discussion's language.
		DevMailbox.Mail invitation = mail(mailbox, ana, m -> PERSONAL_LINK.matcher(m.text()).find());
		MailTexts invitationTexts = MailTexts.load("invitation");
		assertThat(invitation.subject()).isEqualTo(invitationTexts.german("subject", title));
		assertThat(invitation.text()).contains(invitationTexts.german("hello"),
				invitationTexts.german("invited", title), invitationTexts.german("open.lead"),
				invitationTexts.german("personal"));
		assertThat(invitation.text()).as("the closing date, as Germans write it")
			.containsPattern("endet am \\d{1,2}\\. ");
		assertThat(invitation.html()).contains("lang=\"de\"", invitationTexts.german("open"));
		invitationTexts.assertNoEnglish(invitation);
		Matcher personal = PERSONAL_LINK.matcher(invitation.text());
		assertThat(personal.find()).isTrue();

		// The German participant opens it and chooses a name.
		this.german = HeadlessChromium.start("de-DE,de");
		this.german.get(personal.group());
		wait(this.german).until(d -> d.getCurrentUrl().contains("/me/name"));
		assertGerman(this.german, messages);
		assertThat(body(this.german)).contains(messages.getMessage("name.heading", null, GERMAN),
				messages.getMessage("name.text", null, GERMAN));
		WebElement name = this.german.findElement(By.id("name"));
		name.clear();
		name.sendKeys("Anna aus Köln");
		this.german.findElement(By.cssSelector("main button[type=submit]")).click();
		wait(this.german).until(d -> d.getCurrentUrl().endsWith("/discussions/" + discussion));
		assertGerman(this.german, messages);
		assertThat(text(this.german, "discussion-status"))
			.isEqualTo(messages.getMessage("discussion.status.OPEN", null, GERMAN));
		HeadlessChromium.screenshot(this.german, "german-invitee-on-discussion");

		// Days later, on another device: the German sign-in form and mail.
		this.german.manage().deleteAllCookies();
		this.german.get(base + "/discussions/" + discussion);
		assertGerman(this.german, messages);
		assertThat(body(this.german)).contains(messages.getMessage("discussion.join.title", null, GERMAN),
				messages.getMessage("discussion.join.text", null, GERMAN));
		this.german.findElement(By.id("sign-in-email")).sendKeys(ana);
		this.german.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		wait(this.german).until(d -> d.findElement(By.id("sign-in-status"))
			.getText()
			.equals(messages.getMessage("js.checkEmail", null, GERMAN)));
		DevMailbox.Mail signIn = mail(mailbox, ana, m -> SIGN_IN_LINK.matcher(m.text()).find());
		MailTexts signInTexts = MailTexts.load("sign-in");
		assertThat(signIn.subject()).isEqualTo(signInTexts.german("subject.discussion", title));
		assertThat(signIn.text()).contains(signInTexts.german("hello"), signInTexts.german("lead.discussion", title),
				signInTexts.german("works", signInTexts.german("validity.minutes", 30)));
		assertThat(signIn.html()).contains("lang=\"de\"");
		signInTexts.assertNoEnglish(signIn);
		Matcher signInLink = SIGN_IN_LINK.matcher(signIn.text());
		assertThat(signInLink.find()).isTrue();
		this.german.get(base + signInLink.group().substring(signInLink.group().indexOf("/sign-in/")));
		wait(this.german).until(d -> d.getCurrentUrl().endsWith("/discussions/" + discussion));
		assertGerman(this.german, messages);

		// The participant comments, in German, on a German page.
		openComments(this.german, 2);
		this.german.findElement(By.cssSelector("#section-2 .comment-form textarea"))
			.sendKeys("Die Radwege sollten breiter werden.");
		this.german.findElement(By.cssSelector("#section-2 .comment-form button[type=submit]")).click();
		wait(this.german)
			.until(d -> text(d, "#section-2 .comment-list").contains("Die Radwege sollten breiter werden."));
		assertThat(text(this.german, "#section-2 .comment-status"))
			.contains(messages.getMessage("js.thanks", null, GERMAN));
		assertThat(text(this.german, "#section-2 .comment-meta")).as("the comment's date, as Germans write it")
			.matches("Anna aus Köln · \\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}");
		wait(this.german).until(d -> text(d, "total-comments").equals("1"));
		assertThat(text(this.german, "total-comments-words")).as("the live figures' words agree with the figure")
			.isEqualTo(messages.getMessage("discussion.stats.comments", new Object[] { 1 }, GERMAN));
		assertGerman(this.german, messages);
		HeadlessChromium.screenshot(this.german, "german-comment");

		// Someone whose browser asks for English replies.
		this.replier = HeadlessChromium.start();
		String bo = "bo-" + run + "@example.org";
		this.replier.get(base + "/discussions/" + discussion);
		this.replier.findElement(By.id("sign-in-email")).sendKeys(bo);
		this.replier.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		Matcher boLink = SIGN_IN_LINK.matcher(mail(mailbox, bo, m -> SIGN_IN_LINK.matcher(m.text()).find()).text());
		assertThat(boLink.find()).isTrue();
		this.replier.get(base + boLink.group().substring(boLink.group().indexOf("/sign-in/")));
		wait(this.replier).until(d -> d.getCurrentUrl().contains("/me/name"));
		assertThat(this.replier.findElement(By.tagName("html")).getAttribute("lang"))
			.as("a reader who asks for English reads English, whatever the discussion's language")
			.isEqualTo("en");
		this.replier.findElement(By.id("name")).clear();
		this.replier.findElement(By.id("name")).sendKeys("Bo from Leeds");
		this.replier.findElement(By.cssSelector("main button[type=submit]")).click();
		wait(this.replier).until(d -> d.getCurrentUrl().endsWith("/discussions/" + discussion));
		openComments(this.replier, 2);
		String reply = messages.getMessage("js.reply", null, Locale.ENGLISH);
		this.replier.findElement(By.xpath("//section[@id='section-2']//button[text()='" + reply + "']")).click();
		this.replier.findElement(By.cssSelector("#section-2 form.reply-form textarea"))
			.sendKeys("Agreed, and lit at night.");
		this.replier.findElement(By.cssSelector("#section-2 form.reply-form button")).click();
		wait(this.replier).until(d -> !d.findElements(By.cssSelector("#section-2 .replies .comment-text")).isEmpty());

		// The German participant's page announces the reply in German, live.
		wait(this.german).until(d -> text(d, "#section-2 .replies").contains("Agreed, and lit at night."));
		// The section named as the document numbers it ("§ 1"), not by its running
		// number.
		String announced = messages.getMessage("live.newReply", new Object[] { "Bo from Leeds", "§ 1" }, GERMAN);
		wait(this.german).until(d -> text(d, "#live-announcer").equals(announced));
		String mostCommented = messages.getMessage("discussion.stats.sectionComments", new Object[] { "§ 1", 2 },
				GERMAN);
		wait(this.german).until(d -> text(d, "most-commented").equals(mostCommented));
		this.german.navigate().refresh();
		assertThat(text(this.german, "most-commented")).as("the same, as the server renders it")
			.isEqualTo(mostCommented);
		assertGerman(this.german, messages);

		// And the notification mail is German.
		DevMailbox.Mail notification = mail(mailbox, ana, m -> m.text().contains("Agreed, and lit at night."));
		MailTexts notificationTexts = MailTexts.load("notification");
		String section = "§ 1 Ziele";
		assertThat(notification.subject()).isEqualTo(notificationTexts.german("subject.reply", section));
		assertThat(notification.text()).contains(notificationTexts.german("hello", "Anna aus Köln"),
				notificationTexts.german("lead.reply", "Bo from Leeds", section, title),
				notificationTexts.german("your-comment"), notificationTexts.german("open"),
				notificationTexts.german("footer"), notificationTexts.german("stop-discussion"),
				notificationTexts.german("settings"));
		assertThat(notification.text()).contains("> Die Radwege sollten breiter werden.");
		assertThat(notification.html()).contains("lang=\"de\"");
		notificationTexts.assertNoEnglish(notification);
	}

	/**
	 * The page is German: its {@code lang}, and none of the English bundle's texts
	 * anywhere in it, visible or not (labels, titles, the scripts' texts).
	 */
	private static void assertGerman(WebDriver browser, MessageSource messages) {
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> "de".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
		assertThat(browser.findElement(By.cssSelector("footer")).getText()).as("the footer")
			.contains(messages.getMessage("footer.accessibility", null, GERMAN));
		String page = unescaped(browser.getPageSource());
		assertThat(WebTexts.ENGLISH_ONLY.stream().filter(page::contains).toList())
			.as("English texts on the German page %s", browser.getCurrentUrl())
			.isEmpty();
	}

	private static String unescaped(String html) {
		return html.replace("&nbsp;", "\u00A0")
			.replace("&amp;", "&")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">");
	}

	private static DevMailbox.Mail mail(DevMailbox mailbox, String to, Predicate<DevMailbox.Mail> which) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> mailbox.messages().stream().filter(m -> m.to().contains(to)).filter(which).findFirst(),
					Optional::isPresent)
			.orElseThrow();
	}

	private static WebDriverWait wait(WebDriver browser) {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(50));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	private static String body(WebDriver browser) {
		return browser.findElement(By.tagName("body")).getText();
	}

	private static String text(WebDriver browser, String cssOrId) {
		List<WebElement> found = browser
			.findElements(cssOrId.matches("[a-z-]+") ? By.id(cssOrId) : By.cssSelector(cssOrId));
		return found.isEmpty() ? "" : found.get(0).getText().strip();
	}

	private static void openComments(WebDriver browser, int section) {
		browser.findElement(By.cssSelector("#section-" + section + " .comments-toggle")).click();
		wait(browser)
			.until(d -> !d.findElements(By.cssSelector("#section-" + section + " .comment-list li")).isEmpty());
	}

	private static UUID openDiscussion(DiscussionRepository discussions, OrganiserRepository organisers, String title) {
		UUID owner = organisers.findByEmail(RunningParley.ADMIN).orElseThrow().id();
		UUID id = discussions.addDraft(null, owner, title,
				new Outline(title, null,
						List.of(new OutlineSection(null, null, 1,
								List.of(Block.paragraph("Die Stadt legt ihre Radverkehrsstrategie vor."))),
								new OutlineSection("§ 1", "Ziele", 1,
										List.of(Block.paragraph("Mehr Menschen sollen mit dem Rad fahren."))),
								new OutlineSection("§ 2", "Maßnahmen", 1,
										List.of(Block.paragraph("Die Stadt baut geschützte Radwege."))))),
				OffsetDateTime.now());
		Discussion draft = discussions.findById(id).orElseThrow();
		discussions.update(draft.schedule(null, OffsetDateTime.now().plusDays(12), null).publish(Clock.systemUTC()));
		return id;
	}

	private static Properties properties(String resource) {
		Properties properties = new Properties();
		try (InputStream in = GermanParticipationBrowserTests.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	/**
	 * English texts long and particular enough to be a leak when found on a German page
	 * or in a German mail: whole texts without placeholders that the German bundle says
	 * differently.
	 */
	private static List<String> englishOnly(Properties english, Properties german, int shortest) {
		List<String> texts = new ArrayList<>();
		for (String key : english.stringPropertyNames()) {
			String text = english.getProperty(key).strip();
			if (text.length() >= shortest && !text.contains("{") && !text.contains("<")
					&& !text.equals(german.getProperty(key, "").strip())) {
				texts.add(text);
			}
		}
		return texts;
	}

	/** The web's bundles. */
	private static final class WebTexts {

		static final List<String> ENGLISH_ONLY = englishOnly(properties("/messages.properties"),
				properties("/messages_de.properties"), 12);

	}

	/** One kind of mail's bundles, {@code mail/<kind>.properties} and its German. */
	private record MailTexts(Properties english, Properties german) {

		static MailTexts load(String kind) {
			return new MailTexts(properties("/mail/" + kind + ".properties"),
					properties("/mail/" + kind + "_de.properties"));
		}

		/** A German text, formatted as the invite worker formats it. */
		String german(String key, Object... arguments) {
			String pattern = this.german.getProperty(key);
			assertThat(pattern).as("German text %s", key).isNotNull();
			return new java.text.MessageFormat(pattern, GERMAN).format(arguments);
		}

		void assertNoEnglish(DevMailbox.Mail mail) {
			String all = mail.subject() + "\n" + mail.text() + "\n" + unescaped(mail.html());
			assertThat(englishOnly(this.english, this.german, 8).stream().filter(all::contains).toList())
				.as("English texts in the German mail %s", mail.subject())
				.isEmpty();
			assertThat(WebTexts.ENGLISH_ONLY.stream().filter(all::contains).toList())
				.as("the web's English texts in the German mail %s", mail.subject())
				.isEmpty();
		}

	}

}
