package org.parley.invite.fanout;

import org.parley.domain.messaging.InvitationsRequested;
import org.parley.domain.messaging.Topology;

import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Turns an {@link InvitationsRequested} message into one run of the fan-out job. */
@Component
class InvitationRequestListener {

	private final FanOutRunner runner;

	InvitationRequestListener(FanOutRunner runner) {
		this.runner = runner;
	}

	@RabbitListener(queues = Topology.INVITATIONS_REQUESTED, concurrency = "${parley.invitation.fan-out.consumers:1}")
	void onInvitationsRequested(InvitationsRequested request) {
		this.runner.run(request.batchId());
	}

}
