package org.parley.invite.reply;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.notification.NotificationCause;
import org.parley.domain.notification.NotificationMail;
import org.parley.domain.notification.RevisionNoticeRepository.ChangedSection;
import org.parley.domain.notification.RevisionNoticeRepository.RevisionNotice;
import org.parley.domain.notification.RevisionNoticeRepository;
import org.parley.domain.participation.Participant;
import org.springframework.stereotype.Component;

/**
 * The mail that a new revision is out: the sections the recipient took part in that
 * changed (every changed section for a follower), each linked to its words added and
 * removed on the versions page; composed by {@link NotificationMailer} as every
 * notification, with its headers, footer and unsubscribe.
 */
@Component
class RevisionNoticeMailer {

	private final NotificationMailer mailer;

	private final RevisionNoticeRepository notices;

	private final DiscussionRepository discussions;

	private final NotificationSettings settings;

	RevisionNoticeMailer(NotificationMailer mailer, RevisionNoticeRepository notices, DiscussionRepository discussions,
			NotificationSettings settings) {
		this.mailer = mailer;
		this.notices = notices;
		this.discussions = discussions;
		this.settings = settings;
	}

	/** The mail, or empty when nothing is left to tell. */
	Optional<MimeMessage> compose(Session session, NotificationMail mail, Participant recipient, Locale language)
			throws MessagingException {
		Optional<RevisionNotice> found = this.notices.findByMail(mail.id());
		if (found.isEmpty()) {
			return Optional.empty();
		}
		RevisionNotice notice = found.get();
		boolean follower = notice.cause() == NotificationCause.FOLLOW;
		List<ChangedSection> sections = this.notices.changedSections(notice.discussionId(), notice.revision(),
				follower ? null : notice.recipientId());
		String title = this.discussions.findById(notice.discussionId()).map(d -> d.title()).orElse("");
		String versions = this.settings.publicUrl() + "/discussions/" + notice.discussionId() + "/versions?revision="
				+ notice.revision();
		List<Map<String, Object>> items = new ArrayList<>();
		for (ChangedSection s : sections) {
			String name = String.join(" ",
					Stream.of((s.label() != null) ? s.label() : "", (s.heading() != null) ? s.heading() : "")
						.filter(t -> !t.isBlank())
						.toList());
			if (name.isEmpty()) {
				name = this.mailer.unnamedSection(s.number(), language);
			}
			items.add(Map.of("name", name, "link", versions + "#version-section-" + s.number()));
		}
		return Optional.of(this.mailer.revisionNotice(session, mail, recipient, notice.revision(), title, follower,
				items, versions, language));
	}

}
