package org.parley.invite.reply;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.notification.MailKind;
import org.parley.domain.notification.MailStatus;
import org.parley.domain.notification.NotificationMail;
import org.parley.domain.notification.NotificationPreferenceRepository;
import org.parley.domain.notification.NotificationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gathers the rows waiting for a digest into one mail per recipient and discussion, once
 * the digest hour has come in the recipient's time zone. The digest's row is unique per
 * local day, so several workers make one; a recipient with nothing waiting gets none, and
 * rows that arrive after the day's digest wait for the next one.
 */
@Component
class DailyDigests {

	private static final Logger log = LoggerFactory.getLogger(DailyDigests.class);

	private final NotificationRepository notifications;

	private final NotificationPreferenceRepository preferences;

	private final DiscussionRepository discussions;

	private final NotificationSender sender;

	private final NotificationSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DailyDigests(NotificationRepository notifications, NotificationPreferenceRepository preferences,
			DiscussionRepository discussions, NotificationSender sender, NotificationSettings settings,
			PlatformTransactionManager transactions, Clock clock) {
		this.notifications = notifications;
		this.preferences = preferences;
		this.discussions = discussions;
		this.sender = sender;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${parley.notification.digest-interval:1m}")
	void sendDue() {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		for (NotificationRepository.Waiting waiting : this.notifications.waitingForDigest()) {
			ZonedDateTime local = now.atZoneSameInstant(zone(waiting));
			if (local.getHour() < this.settings.digestHour()) {
				continue;
			}
			NotificationMail digest = new NotificationMail(UUID.randomUUID(), waiting.recipientId(),
					waiting.discussionId(), MailKind.DIGEST, local.toLocalDate(), MailStatus.QUEUED, 0,
					now.plus(this.settings.redriveAfter()), now);
			Boolean made = this.transaction.execute(status -> {
				if (!this.notifications.addDigest(digest)) {
					return false; // today's digest went out already: these wait for
									// tomorrow's
				}
				if (this.notifications.attachToDigest(digest.id(), waiting.recipientId(), waiting.discussionId(),
						now) == 0) {
					this.notifications.deleteMail(digest.id());
					return false;
				}
				return true;
			});
			if (Boolean.TRUE.equals(made)) {
				log.debug("Digest {} of {} for participant {}", digest.id(), digest.digestDay(), waiting.recipientId());
				this.sender.sendFresh(digest.id());
			}
		}
	}

	private ZoneId zone(NotificationRepository.Waiting waiting) {
		ZoneId chosen = this.preferences.defaults(waiting.recipientId()).timeZone();
		if (chosen != null) {
			return chosen;
		}
		ZoneId discussion = this.discussions.findById(waiting.discussionId()).map(Discussion::timeZone).orElse(null);
		return (discussion != null) ? discussion : this.settings.defaultTimeZone();
	}

}
