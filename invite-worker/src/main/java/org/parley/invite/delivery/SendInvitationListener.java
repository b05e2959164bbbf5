package org.parley.invite.delivery;

import org.parley.domain.messaging.SendInvitation;
import org.parley.domain.messaging.Topology;
import org.slf4j.MDC;

import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Turns a {@link SendInvitation} message into one send attempt. */
@Component
class SendInvitationListener {

	private final InvitationSender sender;

	SendInvitationListener(InvitationSender sender) {
		this.sender = sender;
	}

	@RabbitListener(queues = Topology.SEND_INVITATION, concurrency = "${parley.invitation.delivery.consumers:4}")
	void onSendInvitation(SendInvitation command) {
		try (MDC.MDCCloseable id = MDC.putCloseable("deliveryId", command.deliveryId().toString())) {
			this.sender.send(command.deliveryId());
		}
	}

}
