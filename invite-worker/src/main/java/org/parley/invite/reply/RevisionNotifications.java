package org.parley.invite.reply;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.parley.domain.notification.FollowRepository;
import org.parley.domain.notification.MailKind;
import org.parley.domain.notification.MailStatus;
import org.parley.domain.notification.NotificationCause;
import org.parley.domain.notification.NotificationFrequency;
import org.parley.domain.notification.NotificationMail;
import org.parley.domain.notification.NotificationPreferenceRepository;
import org.parley.domain.notification.NotificationRepository;
import org.parley.domain.notification.RevisionNoticeRepository;
import org.parley.domain.notification.RevisionNoticeRepository.RevisionNotice;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells followers and everyone who commented that a new revision is published (issue 16):
 * one notice per recipient in the ledger, written in one transaction, then the mails
 * sent. A notice goes out at once whatever the recipient's frequency, unless it is
 * {@link NotificationFrequency#NONE}; a commenter whose sections did not change hears
 * nothing.
 */
@Component
class RevisionNotifications {

	private final FollowRepository follows;

	private final NotificationPreferenceRepository preferences;

	private final NotificationRepository notifications;

	private final RevisionNoticeRepository notices;

	private final NotificationSender sender;

	private final NotificationSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	RevisionNotifications(FollowRepository follows, NotificationPreferenceRepository preferences,
			NotificationRepository notifications, RevisionNoticeRepository notices, NotificationSender sender,
			NotificationSettings settings, PlatformTransactionManager transactions, Clock clock) {
		this.follows = follows;
		this.preferences = preferences;
		this.notifications = notifications;
		this.notices = notices;
		this.sender = sender;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	void notify(UUID discussionId, int revision) {
		List<UUID> mails = this.transaction.execute(status -> record(discussionId, revision));
		for (UUID mailId : mails) {
			this.sender.sendFresh(mailId);
		}
	}

	private List<UUID> record(UUID discussionId, int revision) {
		Map<UUID, NotificationCause> recipients = new LinkedHashMap<>();
		for (UUID commenter : this.notices.commenters(discussionId)) {
			if (!this.notices.changedSections(discussionId, revision, commenter).isEmpty()) {
				recipients.put(commenter, NotificationCause.REVISION);
			}
		}
		for (UUID follower : this.follows.followers(discussionId)) {
			recipients.putIfAbsent(follower, NotificationCause.FOLLOW);
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		recipients.forEach((recipient, cause) -> {
			if (this.preferences.effective(recipient, discussionId) == NotificationFrequency.NONE) {
				return;
			}
			UUID mailId = UUID.randomUUID();
			this.notifications.addMail(new NotificationMail(mailId, recipient, discussionId, MailKind.REVISION, null,
					MailStatus.QUEUED, 0, now.plus(this.settings.redriveAfter()), now));
			if (!this.notices.add(new RevisionNotice(discussionId, revision, recipient, cause, mailId), now)) {
				this.notifications.deleteMail(mailId); // the event came twice
			}
		});
		return this.notices.mailsOf(discussionId, revision);
	}

}
