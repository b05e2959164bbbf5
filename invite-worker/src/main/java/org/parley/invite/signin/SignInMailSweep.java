package org.parley.invite.signin;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.participation.SignInLinkRepository;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the sign-in mails whose retry is due, while their link still works. The send
 * claims the link conditionally ({@code markMailed}), so several workers may sweep.
 */
@Component
class SignInMailSweep {

	private static final int PAGE = 50;

	private final SignInLinkRepository links;

	private final SignInLinkSender sender;

	private final Clock clock;

	SignInMailSweep(SignInLinkRepository links, SignInLinkSender sender, Clock clock) {
		this.links = links;
		this.sender = sender;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${parley.sign-in.sweep-interval:1s}")
	void sweep() {
		for (UUID linkId : this.links.findMailDue(OffsetDateTime.now(this.clock), PAGE)) {
			this.sender.send(linkId);
		}
	}

}
