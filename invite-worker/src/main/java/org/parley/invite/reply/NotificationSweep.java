package org.parley.invite.reply;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.notification.NotificationRepository;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the consumers did not: retries that are due, mails whose consumer died
 * before sending, and mails a dead worker held. Claims are conditional, so several
 * workers may sweep.
 */
@Component
class NotificationSweep {

	private static final int PAGE = 200;

	private final NotificationRepository notifications;

	private final NotificationSender sender;

	private final Clock clock;

	NotificationSweep(NotificationRepository notifications, NotificationSender sender, Clock clock) {
		this.notifications = notifications;
		this.sender = sender;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${parley.notification.sweep-interval:1s}")
	void sweep() {
		for (UUID mailId : this.notifications.findDue(OffsetDateTime.now(this.clock), PAGE)) {
			this.sender.sendDue(mailId);
		}
	}

}
