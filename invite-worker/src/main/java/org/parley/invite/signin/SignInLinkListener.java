package org.parley.invite.signin;

import org.parley.domain.messaging.SignInLinkRequested;
import org.parley.domain.messaging.Topology;

import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Turns a {@link SignInLinkRequested} message into one mail. */
@Component
class SignInLinkListener {

	private final SignInLinkSender sender;

	SignInLinkListener(SignInLinkSender sender) {
		this.sender = sender;
	}

	@RabbitListener(queues = Topology.SIGN_IN_LINK_REQUESTED, concurrency = "${parley.sign-in.consumers:1-2}")
	void onSignInLinkRequested(SignInLinkRequested request) {
		this.sender.send(request.linkId());
	}

}
