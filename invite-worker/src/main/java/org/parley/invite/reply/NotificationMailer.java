package org.parley.invite.reply;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.parley.domain.links.LinkSigner;
import org.parley.domain.notification.CommentContext;
import org.parley.domain.notification.NotificationCause;
import org.parley.domain.notification.NotificationMail;
import org.parley.domain.outcome.CommentResponse;
import org.parley.domain.outcome.ResponseRepository;
import org.parley.domain.participation.Participant;
import org.parley.invite.FixedIdMessage;
import org.parley.invite.HeaderValue;
import org.parley.invite.MailFrom;
import org.parley.invite.MailTexts;

import org.springframework.stereotype.Component;

import static org.parley.invite.MailTexts.escape;

/**
 * Writes notification emails, plain text and HTML, in the configured language: the reply
 * quoted, the section named as the document numbers it, a link straight to the comment.
 * Every reply to one comment refers to that comment's id ({@code In-Reply-To},
 * {@code References}) and keeps one subject, so mail clients show one thread per comment.
 * The unsubscribe link is one-click (RFC 8058) and stops this discussion's notifications.
 */
@Component
class NotificationMailer {

	/**
	 * The purpose of the unsubscribe tokens; the web checks them with the same secret.
	 */
	static final String UNSUBSCRIBE = "unsubscribe-notifications";

	private static final int SECTION_NAME_LENGTH = 60;

	private final NotificationSettings settings;

	private final LinkSigner signer;

	private final MailFrom from;

	private final MailTexts texts;

	private final ResponseRepository responses;

	private final Clock clock;

	NotificationMailer(NotificationSettings settings, LinkSigner signer, ResponseRepository responses, Clock clock)
			throws AddressException {
		this.settings = settings;
		this.responses = responses;
		this.signer = signer;
		this.from = MailFrom.parse(settings.from());
		this.texts = new MailTexts("org.parley.invite.reply.mail-text", settings.locale());
		this.clock = clock;
	}

	/** The id every message about this comment refers to. */
	String threadId(UUID commentId) {
		return this.from.messageId("comment-" + commentId);
	}

	MimeMessage immediate(Session session, NotificationMail mail, Participant recipient, NotificationCause cause,
			CommentContext c) throws MessagingException {
		if (!cause.aboutNewComment()) {
			return outcome(session, mail, recipient, cause, c);
		}
		String section = sectionName(c);
		boolean reply = c.parentId() != null;
		String subjectKey = (cause == NotificationCause.REPLY) ? "subject.reply"
				: reply ? "subject.follow-reply" : "subject.follow";
		String leadKey = (cause == NotificationCause.REPLY) ? "lead.reply"
				: reply ? "lead.follow-reply" : "lead.follow";
		String subject = text(subjectKey, section);
		String lead = text(leadKey, c.authorName(), section, c.discussionTitle());
		String link = commentLink(c);

		StringBuilder plain = new StringBuilder(text("hello", recipient.shownName())).append("\n\n")
			.append(lead)
			.append("\n\n")
			.append(quote(c.text()))
			.append("\n\n");
		StringBuilder html = new StringBuilder("<p>").append(escape(text("hello", recipient.shownName())))
			.append("</p><p>")
			.append(escape(lead))
			.append("</p>")
			.append(blockquote(c.text()));
		if (cause == NotificationCause.REPLY && c.parentText() != null) {
			plain.append(text("your-comment")).append('\n').append(quote(excerpt(c.parentText(), 300))).append("\n\n");
			html.append("<p><small>")
				.append(escape(text("your-comment")))
				.append("</small></p>")
				.append(blockquote(excerpt(c.parentText(), 300)));
		}
		plain.append(text("open")).append(": ").append(link).append('\n');
		html.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(text("open"))).append("</a></p>");

		String messageId = (reply || cause == NotificationCause.REPLY)
				? this.from.messageId("notification-" + mail.id()) : threadId(c.commentId());
		MimeMessage message = message(session, messageId, recipient, subject, mail, plain, html);
		if (reply) {
			message.setHeader("In-Reply-To", threadId(c.parentId()));
			message.setHeader("References", threadId(c.parentId()));
		}
		message.saveChanges();
		return message;
	}

	/**
	 * The organisers' answer, to the comment's author, in the comment's thread; or a held
	 * or flagged comment, to an organiser, with the way to the moderation queue.
	 */
	private MimeMessage outcome(Session session, NotificationMail mail, Participant recipient, NotificationCause cause,
			CommentContext c) throws MessagingException {
		String section = sectionName(c);
		String key = cause.name().toLowerCase(java.util.Locale.ROOT);
		StringBuilder plain = new StringBuilder(text("hello", recipient.shownName())).append("\n\n");
		StringBuilder html = new StringBuilder("<p>").append(escape(text("hello", recipient.shownName())))
			.append("</p>");
		String subject;
		String link;
		String open;
		if (cause == NotificationCause.RESPONSE) {
			CommentResponse response = this.responses.find(c.commentId()).orElse(null);
			String status = (response != null) ? text("status." + response.status().name()) : "";
			subject = text("subject.response", section);
			String lead = text("lead.response", section, c.discussionTitle(), status);
			plain.append(lead).append("\n\n");
			html.append("<p>").append(escape(lead)).append("</p>");
			if (response != null && !response.text().isBlank()) {
				plain.append(quote(response.text())).append("\n\n");
				html.append(blockquote(response.text()));
			}
			plain.append(text("your-comment")).append('\n').append(quote(excerpt(c.text(), 300))).append("\n\n");
			html.append("<p><small>")
				.append(escape(text("your-comment")))
				.append("</small></p>")
				.append(blockquote(excerpt(c.text(), 300)));
			link = commentLink(c);
			open = text("open.response");
		}
		else {
			subject = text("subject." + key, c.discussionTitle());
			String lead = text("lead." + key, c.authorName(), section, c.discussionTitle());
			plain.append(lead).append("\n\n").append(quote(c.text())).append("\n\n");
			html.append("<p>").append(escape(lead)).append("</p>").append(blockquote(c.text()));
			link = this.settings.publicUrl() + "/discussions/" + c.discussionId() + "/moderation";
			open = text("open.moderation");
		}
		plain.append(open).append(": ").append(link).append('\n');
		html.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(open)).append("</a></p>");
		MimeMessage message = message(session, this.from.messageId(key + "-" + mail.id()), recipient, subject, mail,
				plain, html);
		if (cause == NotificationCause.RESPONSE) {
			message.setHeader("In-Reply-To", threadId(c.commentId()));
			message.setHeader("References", threadId(c.commentId()));
		}
		message.saveChanges();
		return message;
	}

	MimeMessage digest(Session session, NotificationMail mail, Participant recipient, List<CommentContext> comments)
			throws MessagingException {
		return digest(session, mail, recipient, comments, List.of());
	}

	/**
	 * @param causes why each of {@code comments} is in the digest, in the same order;
	 * missing ones are new comments
	 */
	MimeMessage digest(Session session, NotificationMail mail, Participant recipient, List<CommentContext> comments,
			List<NotificationCause> causes) throws MessagingException {
		String title = comments.get(0).discussionTitle();
		String subject = text("digest.subject", comments.size(), title);
		StringBuilder plain = new StringBuilder(text("hello", recipient.shownName())).append("\n\n")
			.append(text("digest.lead", title))
			.append("\n\n");
		StringBuilder html = new StringBuilder("<p>").append(escape(text("hello", recipient.shownName())))
			.append("</p><p>")
			.append(escape(text("digest.lead", title)))
			.append("</p>");
		for (int i = 0; i < comments.size(); i++) {
			CommentContext c = comments.get(i);
			NotificationCause cause = (i < causes.size()) ? causes.get(i) : NotificationCause.FOLLOW;
			String item = cause.aboutNewComment() ? text("digest.item", c.authorName(), sectionName(c)) : text(
					"digest.item." + cause.name().toLowerCase(java.util.Locale.ROOT), c.authorName(), sectionName(c));
			String link = cause.aboutNewComment() || cause == NotificationCause.RESPONSE ? commentLink(c)
					: this.settings.publicUrl() + "/discussions/" + c.discussionId() + "/moderation";
			plain.append(item).append('\n').append(quote(c.text())).append('\n').append(link).append("\n\n");
			html.append("<h3 style=\"font-size:1em\">")
				.append(escape(item))
				.append("</h3>")
				.append(blockquote(c.text()))
				.append("<p><a href=\"")
				.append(escape(link))
				.append("\">")
				.append(escape(text("open")))
				.append("</a></p>");
		}
		MimeMessage message = message(session, this.from.messageId("digest-" + mail.id()), recipient, subject, mail,
				plain, html);
		message.saveChanges();
		return message;
	}

	private MimeMessage message(Session session, String messageId, Participant recipient, String subject,
			NotificationMail mail, StringBuilder plain, StringBuilder html) throws MessagingException {
		String unsubscribe = this.settings.publicUrl() + "/unsubscribe/notifications/"
				+ this.signer.sign(UNSUBSCRIBE, mail.id());
		String preferences = this.settings.publicUrl() + "/me/notifications";
		plain.append("\n--\n")
			.append(text("footer"))
			.append('\n')
			.append(text("stop-discussion"))
			.append(": ")
			.append(unsubscribe)
			.append('\n')
			.append(text("settings"))
			.append(": ")
			.append(preferences)
			.append('\n');
		String body = "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">" + html + "<hr><p><small>"
				+ escape(text("footer")) + " <a href=\"" + escape(unsubscribe) + "\">" + escape(text("stop-discussion"))
				+ "</a> · <a href=\"" + escape(preferences) + "\">" + escape(text("settings"))
				+ "</a></small></p></body></html>";
		MimeMessage message = new FixedIdMessage(session, messageId);
		message.setFrom(this.from.address());
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient.email(), true));
		message.setSubject(HeaderValue.oneLine(subject), "UTF-8");
		message.setHeader("Date", HeaderValue.date(this.clock.instant()));
		message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		message.setHeader("Auto-Submitted", "auto-generated");
		MimeBodyPart textPart = new MimeBodyPart();
		textPart.setText(plain.toString(), "UTF-8", "plain");
		MimeBodyPart htmlPart = new MimeBodyPart();
		htmlPart.setText(body, "UTF-8", "html");
		message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
		return message;
	}

	/**
	 * "2.1. Strengthen the action framework…": the label as written and the heading,
	 * shortened.
	 */
	String sectionName(CommentContext c) {
		String label = (c.sectionLabel() != null) ? c.sectionLabel().strip() : "";
		String heading = (c.sectionHeading() != null) ? c.sectionHeading().strip() : "";
		String name = (label + " " + heading).strip();
		if (name.isEmpty()) {
			return text("section.none");
		}
		return excerpt(name, SECTION_NAME_LENGTH);
	}

	private String commentLink(CommentContext c) {
		String section = (c.sectionNumber() != null) ? "?section=" + c.sectionNumber() : "";
		return this.settings.publicUrl() + "/discussions/" + c.discussionId() + section + "#comment-" + c.commentId();
	}

	private String text(String key, Object... arguments) {
		return this.texts.text(key, arguments);
	}

	private static String excerpt(String s, int length) {
		String flat = s.strip();
		if (flat.length() <= length) {
			return flat;
		}
		int cut = flat.lastIndexOf(' ', length - 1);
		return flat.substring(0, (cut > length / 2) ? cut : length - 1).replaceAll("[\\s,;:.]+$", "") + "…";
	}

	private static String quote(String s) {
		return "> " + s.strip().replace("\r\n", "\n").replace("\n", "\n> ");
	}

	private static String blockquote(String s) {
		return "<blockquote style=\"border-left:3px solid #ccc;margin:0 0 1em;padding-left:1em\">"
				+ escape(s.strip()).replace("\n", "<br>") + "</blockquote>";
	}

}
