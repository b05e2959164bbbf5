package org.parley.web.invitation;

import java.time.Clock;

import org.parley.domain.invitation.InvitationExpired;
import org.parley.domain.invitation.InvitationLink;
import org.parley.domain.invitation.InvitationLinkInvalid;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Opens an invitee's personal link: checks the signature and the expiry, then takes the invitee
 * to the discussion. Participant sessions come with the sign-in work; until then the link only
 * leads the way.
 */
@Controller
class InvitationLinkController {

	private final InvitationLink links;

	private final Clock clock;

	InvitationLinkController(InvitationSettings settings, Clock clock) {
		this.links = (settings.linkSecret().length() >= 32) ? new InvitationLink(settings.linkSecret()) : null;
		this.clock = clock;
	}

	@GetMapping("/invitations/{token}")
	String open(@PathVariable String token) {
		if (this.links == null) {
			throw ProblemException.notFound();
		}
		try {
			InvitationLink.Claims claims = this.links.verify(token, this.clock.instant());
			return "redirect:/discussions/" + claims.discussionId();
		}
		catch (InvitationLinkInvalid ex) {
			throw ProblemException.notFound();
		}
		catch (InvitationExpired ex) {
			throw new ProblemException(HttpStatus.GONE, "INVITATION_EXPIRED", "Invitation expired",
					"This invitation link has expired. Please ask the organiser to invite you again.");
		}
	}

}
