package org.parley.invite.reply;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.parley.domain.links.LinkSigner;
import org.parley.domain.notification.CommentContext;
import org.parley.domain.notification.NotificationCause;
import org.parley.domain.notification.NotificationMail;
import org.parley.domain.outcome.CommentResponse;
import org.parley.domain.outcome.ResponseRepository;
import org.parley.domain.participation.Participant;
import org.parley.invite.mail.Letter;
import org.parley.invite.mail.MailComposer;
import org.parley.invite.mail.MailFrom;

import org.springframework.stereotype.Component;

/**
 * What notification emails say ({@code mail/notification.*} for one comment,
 * {@code mail/notification-digest.*} for several, texts in
 * {@code mail/notification*.properties}): the comment quoted, the section named as the
 * document numbers it, a link straight to the comment. Every reply to one comment refers
 * to that comment's id ({@code In-Reply-To}, {@code References}) and keeps one subject,
 * so mail clients show one thread per comment. The unsubscribe link is one-click (RFC
 * 8058) and stops this discussion's notifications.
 * <p>
 * A cause of notification is its texts: {@code subject.<cause>} and {@code lead.<cause>}
 * (the cause's name in lower case, {@code -reply} appended for a comment that answers
 * another), so a new cause is one more pair of texts in each language.
 */
@Component
class NotificationMailer {

	/**
	 * The purpose of the unsubscribe tokens; the web checks them with the same secret.
	 */
	static final String UNSUBSCRIBE = "unsubscribe-notifications";

	static final String KIND = "notification";

	private static final int SECTION_NAME_LENGTH = 60;

	private final NotificationSettings settings;

	private final LinkSigner signer;

	private final MailFrom from;

	private final MailComposer composer;

	private final ResponseRepository responses;

	private final Clock clock;

	NotificationMailer(NotificationSettings settings, LinkSigner signer, MailComposer composer,
			ResponseRepository responses, Clock clock) throws AddressException {
		this.settings = settings;
		this.responses = responses;
		this.signer = signer;
		this.from = MailFrom.parse(settings.from());
		this.composer = composer;
		this.clock = clock;
	}

	/** The id every message about this comment refers to. */
	String threadId(UUID commentId) {
		return this.from.messageId("comment-" + commentId);
	}

	MimeMessage immediate(Session session, NotificationMail mail, Participant recipient, NotificationCause cause,
			CommentContext c, Locale language) throws MessagingException {
		if (!cause.aboutNewComment()) {
			return outcome(session, mail, recipient, cause, c, language);
		}
		String section = sectionName(c, language);
		boolean reply = c.parentId() != null;
		String texts = cause.name().toLowerCase(Locale.ROOT).replace('_', '-')
				+ ((cause != NotificationCause.REPLY && reply) ? "-reply" : "");
		String messageId = (reply || cause == NotificationCause.REPLY)
				? this.from.messageId("notification-" + mail.id()) : threadId(c.commentId());
		Letter.Builder letter = letter(mail, recipient, language, messageId).subject("subject." + texts, section)
			.with("lead", text(language, "lead." + texts, c.authorName(), section, c.discussionTitle()))
			.with("textLines", Letter.lines(c.text()))
			.with("parentLines",
					(cause == NotificationCause.REPLY && c.parentText() != null)
							? Letter.lines(excerpt(c.parentText(), 300)) : null)
			.with("link", commentLink(c));
		if (reply) {
			letter.header("In-Reply-To", threadId(c.parentId())).header("References", threadId(c.parentId()));
		}
		return this.composer.compose(session, letter.build());
	}

	/**
	 * The organisers' answer, to the comment's author, in the comment's thread; or a held
	 * or flagged comment, to an organiser, with the way to the moderation queue.
	 */
	private MimeMessage outcome(Session session, NotificationMail mail, Participant recipient, NotificationCause cause,
			CommentContext c, Locale language) throws MessagingException {
		String section = sectionName(c, language);
		String key = cause.name().toLowerCase(Locale.ROOT);
		Letter.Builder letter = letter(mail, recipient, language, this.from.messageId(key + "-" + mail.id()));
		if (cause == NotificationCause.RESPONSE) {
			CommentResponse response = this.responses.find(c.commentId()).orElse(null);
			String status = (response != null) ? text(language, "status." + response.status().name()) : "";
			String answer = (response != null && !response.text().isBlank()) ? response.text() : status;
			letter.subject("subject.response", section)
				.with("lead", text(language, "lead.response", section, c.discussionTitle(), status))
				.with("textLines", Letter.lines(answer))
				.with("parentLines", Letter.lines(excerpt(c.text(), 300)))
				.with("link", commentLink(c))
				.with("openText", text(language, "open.response"))
				.header("In-Reply-To", threadId(c.commentId()))
				.header("References", threadId(c.commentId()));
		}
		else {
			letter.subject("subject." + key, c.discussionTitle())
				.with("lead", text(language, "lead." + key, c.authorName(), section, c.discussionTitle()))
				.with("textLines", Letter.lines(c.text()))
				.with("parentLines", null)
				.with("link", moderationLink(c))
				.with("openText", text(language, "open.moderation"));
		}
		return this.composer.compose(session, letter.build());
	}

	/**
	 * Several comments in one mail: the day's digest, or a follower's batch of the
	 * comments of one quiet period ({@code batch}).
	 * @param causes why each of {@code comments} is in the mail, in the same order;
	 * missing ones are new comments
	 */
	MimeMessage digest(Session session, NotificationMail mail, Participant recipient, List<CommentContext> comments,
			boolean batch, List<NotificationCause> causes, Locale language) throws MessagingException {
		String title = comments.get(0).discussionTitle();
		List<Map<String, Object>> items = new java.util.ArrayList<>();
		for (int i = 0; i < comments.size(); i++) {
			CommentContext c = comments.get(i);
			NotificationCause cause = (i < causes.size()) ? causes.get(i) : NotificationCause.FOLLOW;
			String heading = cause.aboutNewComment()
					? text(language, "digest.item", c.authorName(), sectionName(c, language))
					: text(language, "digest.item." + cause.name().toLowerCase(Locale.ROOT), c.authorName(),
							sectionName(c, language));
			String link = (cause.aboutNewComment() || cause == NotificationCause.RESPONSE) ? commentLink(c)
					: moderationLink(c);
			items.add(Map.of("heading", heading, "lines", Letter.lines(c.text()), "link", link));
		}
		return this.composer.compose(session,
				letter(mail, recipient, language, this.from.messageId((batch ? "batch-" : "digest-") + mail.id()))
					.template("notification-digest")
					.subject("digest.subject", comments.size(), title)
					.with("lead", text(language, batch ? "batch.lead" : "digest.lead", title))
					.with("items", items)
					.build());
	}

	/**
	 * A new revision is out (ADR 0022): the sections the recipient took part in that
	 * changed, each linked to its words added and removed.
	 * @param sections each changed section's {@code name} and {@code link}
	 */
	MimeMessage revisionNotice(Session session, NotificationMail mail, Participant recipient, int revision,
			String title, boolean follower, List<Map<String, Object>> sections, String versions, Locale language)
			throws MessagingException {
		return this.composer.compose(session,
				letter(mail, recipient, language,
						this.from.messageId("revision-" + mail.discussionId() + "-" + revision + "-" + mail.id()))
					.template("revision-notice")
					.subject("revision.subject", revision, title)
					.with("lead",
							text(language, follower ? "revision.lead.follow" : "revision.lead.commented", revision,
									title))
					.with("items", sections)
					.with("versions", versions)
					.with("allText", text(language, "revision.all", revision))
					.build());
	}

	/** A section without label or heading, by its running number. */
	String unnamedSection(int number, Locale language) {
		return text(language, "revision.section", number);
	}

	private Letter.Builder letter(NotificationMail mail, Participant recipient, Locale language, String messageId)
			throws AddressException {
		return Letter.of(KIND, language)
			.from(this.from)
			.to(new InternetAddress(recipient.email(), true))
			.messageId(messageId)
			.date(this.clock.instant())
			.unsubscribe(this.settings.publicUrl() + "/unsubscribe/notifications/"
					+ this.signer.sign(UNSUBSCRIBE, mail.id()))
			.with("name", recipient.shownName())
			.with("preferences", this.settings.publicUrl() + "/me/notifications");
	}

	/**
	 * "2.1. Strengthen the action framework…": the label as written and the heading,
	 * shortened.
	 */
	String sectionName(CommentContext c, Locale language) {
		String label = (c.sectionLabel() != null) ? c.sectionLabel().strip() : "";
		String heading = (c.sectionHeading() != null) ? c.sectionHeading().strip() : "";
		String name = (label + " " + heading).strip();
		if (name.isEmpty()) {
			return text(language, "section.none");
		}
		return excerpt(name, SECTION_NAME_LENGTH);
	}

	private String moderationLink(CommentContext c) {
		return this.settings.publicUrl() + "/discussions/" + c.discussionId() + "/moderation";
	}

	private String commentLink(CommentContext c) {
		String section = (c.sectionNumber() != null) ? "?section=" + c.sectionNumber() : "";
		return this.settings.publicUrl() + "/discussions/" + c.discussionId() + section + "#comment-" + c.commentId();
	}

	private String text(Locale language, String key, Object... arguments) {
		return this.composer.text(KIND, language, key, arguments);
	}

	private static String excerpt(String s, int length) {
		String flat = s.strip();
		if (flat.length() <= length) {
			return flat;
		}
		int cut = flat.lastIndexOf(' ', length - 1);
		return flat.substring(0, (cut > length / 2) ? cut : length - 1).replaceAll("[\\s,;:.]+$", "") + "…";
	}

}
