package org.parley.invite.reply;

import org.parley.domain.messaging.ReplyPosted;
import org.parley.domain.messaging.Topology;
import org.slf4j.MDC;

import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link ReplyPosted} message into its notifications, on consumers of its own.
 */
@Component
class ReplyPostedListener {

	private final ReplyNotifications notifications;

	ReplyPostedListener(ReplyNotifications notifications) {
		this.notifications = notifications;
	}

	@RabbitListener(queues = Topology.REPLY_POSTED, concurrency = "${parley.notification.consumers:2}")
	void onReplyPosted(ReplyPosted event) {
		try (MDC.MDCCloseable comment = MDC.putCloseable("commentId", event.replyId().toString());
				MDC.MDCCloseable discussion = MDC.putCloseable("discussionId", String.valueOf(event.discussionId()))) {
			this.notifications.notify(event.replyId());
		}
	}

}
