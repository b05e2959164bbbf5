package org.parley.web.invitation;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.SuppressionReason;
import org.parley.domain.invitation.SuppressionRepository;
import org.parley.web.system.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The unsubscribe link of every invitation. A POST (RFC 8058 one-click, sent by the mail
 * provider, or the button of the page) suppresses the address at once; a GET only shows
 * the page, because link scanners open every link in a mail. The token is the ledger
 * row's own random one.
 */
@Controller
class UnsubscribeController {

	private final DeliveryRepository deliveries;

	private final SuppressionRepository suppressions;

	private final Clock clock;

	UnsubscribeController(DeliveryRepository deliveries, SuppressionRepository suppressions, Clock clock) {
		this.deliveries = deliveries;
		this.suppressions = suppressions;
		this.clock = clock;
	}

	@GetMapping("/unsubscribe/{token}")
	String confirm(@PathVariable String token, Model model) {
		Delivery delivery = find(token);
		model.addAttribute("email", delivery.email());
		model.addAttribute("token", token);
		model.addAttribute("done", this.suppressions.isSuppressed(delivery.emailKey()));
		return "unsubscribe";
	}

	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, Model model) {
		Delivery delivery = find(token);
		this.suppressions.suppress(delivery.emailKey(), SuppressionReason.UNSUBSCRIBED, "unsubscribe link",
				OffsetDateTime.now(this.clock));
		model.addAttribute("email", delivery.email());
		model.addAttribute("token", token);
		model.addAttribute("done", true);
		return "unsubscribe";
	}

	private Delivery find(String token) {
		if (token.length() > 64) {
			throw ProblemException.notFound();
		}
		return this.deliveries.findByToken(token).orElseThrow(ProblemException::notFound);
	}

}
