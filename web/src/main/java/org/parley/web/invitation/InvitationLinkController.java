package org.parley.web.invitation;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.InvitationExpired;
import org.parley.domain.invitation.InvitationLink;
import org.parley.domain.invitation.InvitationLinkInvalid;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.web.participation.ParticipantSessions;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Opens an invitee's personal link: checks the signature, the expiry and that the
 * organiser has not revoked it, signs the invitee in as the address the invitation went
 * to, and takes them to the discussion, private or not.
 */
@Controller
class InvitationLinkController {

	private final InvitationLink links;

	private final DeliveryRepository deliveries;

	private final ParticipantRepository participants;

	private final ParticipantSessions sessions;

	private final Clock clock;

	InvitationLinkController(InvitationSettings settings, DeliveryRepository deliveries,
			ParticipantRepository participants, ParticipantSessions sessions, Clock clock) {
		this.links = (settings.linkSecret().length() >= 32) ? new InvitationLink(settings.linkSecret()) : null;
		this.deliveries = deliveries;
		this.participants = participants;
		this.sessions = sessions;
		this.clock = clock;
	}

	@GetMapping("/invitations/{token}")
	String open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
		if (this.links == null) {
			throw ProblemException.notFound();
		}
		try {
			InvitationLink.Claims claims = this.links.verify(token, this.clock.instant());
			Delivery delivery = this.deliveries.findById(claims.deliveryId()).orElseThrow(ProblemException::notFound);
			if (delivery.isRevoked()) {
				throw new ProblemException(HttpStatus.GONE, "INVITATION_REVOKED", "Invitation withdrawn",
						"The organiser has withdrawn this invitation.");
			}
			String target = "/discussions/" + claims.discussionId();
			return "redirect:" + this.sessions.start(
					this.participants.findOrCreate(delivery.email(), OffsetDateTime.now(this.clock)), target, request,
					response);
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
