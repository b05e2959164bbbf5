package org.parley.invite.reply;

import org.parley.domain.messaging.RevisionPublished;
import org.parley.domain.messaging.Topology;
import org.slf4j.MDC;

import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Turns a {@link RevisionPublished} message into its notices. */
@Component
class RevisionPublishedListener {

	private final RevisionNotifications notifications;

	RevisionPublishedListener(RevisionNotifications notifications) {
		this.notifications = notifications;
	}

	@RabbitListener(queues = Topology.REVISION_PUBLISHED, concurrency = "1")
	void onRevisionPublished(RevisionPublished event) {
		try (MDC.MDCCloseable discussion = MDC.putCloseable("discussionId", String.valueOf(event.discussionId()))) {
			this.notifications.notify(event.discussionId(), event.revision());
		}
	}

}
