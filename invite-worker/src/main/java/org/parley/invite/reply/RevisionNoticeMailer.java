package org.parley.invite.reply;

import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.notification.NotificationCause;
import org.parley.domain.notification.NotificationMail;
import org.parley.domain.notification.RevisionNoticeRepository;
import org.parley.domain.notification.RevisionNoticeRepository.ChangedSection;
import org.parley.domain.notification.RevisionNoticeRepository.RevisionNotice;
import org.parley.domain.participation.Participant;
import org.parley.invite.MailFrom;
import org.parley.invite.MailTexts;

import org.springframework.stereotype.Component;

import static org.parley.invite.MailTexts.escape;

/**
 * The mail that a new revision is out: the sections the recipient took part in that
 * changed (every changed section for a follower), each linked to its words added and
 * removed on the versions page; headers, footer and unsubscribe as every notification.
 */
@Component
class RevisionNoticeMailer {

	private final NotificationMailer mailer;

	private final RevisionNoticeRepository notices;

	private final DiscussionRepository discussions;

	private final NotificationSettings settings;

	private final MailTexts texts;

	private final MailFrom from;

	RevisionNoticeMailer(NotificationMailer mailer, RevisionNoticeRepository notices, DiscussionRepository discussions,
			NotificationSettings settings) throws jakarta.mail.internet.AddressException {
		this.mailer = mailer;
		this.notices = notices;
		this.discussions = discussions;
		this.settings = settings;
		this.texts = new MailTexts("org.parley.invite.reply.revision-text", settings.locale());
		this.from = MailFrom.parse(settings.from());
	}

	/** The mail, or empty when nothing is left to tell. */
	Optional<MimeMessage> compose(Session session, NotificationMail mail, Participant recipient)
			throws MessagingException {
		Optional<RevisionNotice> found = this.notices.findByMail(mail.id());
		if (found.isEmpty()) {
			return Optional.empty();
		}
		RevisionNotice notice = found.get();
		List<ChangedSection> sections = this.notices.changedSections(notice.discussionId(), notice.revision(),
				(notice.cause() == NotificationCause.FOLLOW) ? null : notice.recipientId());
		String title = this.discussions.findById(notice.discussionId()).map(d -> d.title()).orElse("");
		String versions = this.settings.publicUrl() + "/discussions/" + notice.discussionId() + "/versions?revision="
				+ notice.revision();
		String subject = this.texts.text("subject", notice.revision(), title);
		String lead = this.texts.text((notice.cause() == NotificationCause.FOLLOW) ? "lead.follow" : "lead.commented",
				notice.revision(), title);
		StringBuilder plain = new StringBuilder(this.texts.text("hello", recipient.shownName())).append("\n\n")
			.append(lead)
			.append("\n\n");
		StringBuilder html = new StringBuilder("<p>").append(escape(this.texts.text("hello", recipient.shownName())))
			.append("</p><p>")
			.append(escape(lead))
			.append("</p><ul>");
		for (ChangedSection s : sections) {
			String name = String.join(" ",
					List.of((s.label() != null) ? s.label() : "", (s.heading() != null) ? s.heading() : "")
						.stream()
						.filter(t -> !t.isBlank())
						.toList());
			if (name.isEmpty()) {
				name = this.texts.text("section", s.number());
			}
			String link = versions + "#version-section-" + s.number();
			plain.append("- ").append(name).append(": ").append(link).append('\n');
			html.append("<li><a href=\"").append(escape(link)).append("\">").append(escape(name)).append("</a></li>");
		}
		plain.append('\n').append(this.texts.text("all", notice.revision())).append(": ").append(versions).append('\n');
		html.append("</ul><p><a href=\"")
			.append(escape(versions))
			.append("\">")
			.append(escape(this.texts.text("all", notice.revision())))
			.append("</a></p>");
		MimeMessage message = this.mailer.message(session,
				this.from.messageId("revision-" + notice.discussionId() + "-" + notice.revision() + "-" + mail.id()),
				recipient, subject, mail, plain, html);
		message.saveChanges();
		return Optional.of(message);
	}

}
