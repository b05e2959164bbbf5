package org.parley.web.discussion;

import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.Privacy;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.EmailAddress;
import org.parley.web.system.CurrentOrganiser;
import org.parley.web.system.ProblemException;

import org.springframework.stereotype.Component;

/**
 * Who may read a discussion: its organisers always; once published, anyone if it is
 * public, and only its invitees if it is private. Everyone else gets the answer a missing
 * discussion gets.
 */
@Component
public class DiscussionAccess {

	private final DiscussionRepository discussions;

	private final DeliveryRepository deliveries;

	private final CurrentOrganiser organiser;

	DiscussionAccess(DiscussionRepository discussions, DeliveryRepository deliveries, CurrentOrganiser organiser) {
		this.discussions = discussions;
		this.deliveries = deliveries;
		this.organiser = organiser;
	}

	public Optional<Discussion> readable(UUID id, Principal principal) {
		return reading(id, principal).map(Reading::discussion);
	}

	/**
	 * The discussion and whether the caller organises it, if the caller may read it: one
	 * organiser lookup for both.
	 */
	public Optional<Reading> reading(UUID id, Principal principal) {
		return this.discussions.findById(id).flatMap(d -> {
			boolean organiser = isOrganiser(d, principal);
			return canRead(d, organiser, principal) ? Optional.of(new Reading(d, organiser)) : Optional.empty();
		});
	}

	/**
	 * The discussion, if the caller organises it; to anyone else it is missing, as a
	 * discussion they may not read is.
	 */
	public Discussion organised(UUID id, Principal principal) {
		return reading(id, principal).filter(Reading::organiser)
			.map(Reading::discussion)
			.orElseThrow(ProblemException::notFound);
	}

	public boolean isOrganiser(Discussion discussion, Principal principal) {
		return this.organiser.id(principal).map(o -> this.discussions.isOrganisedBy(discussion.id(), o)).orElse(false);
	}

	/**
	 * Whether a person with this address may read it once signed in: for magic links to
	 * private discussions.
	 */
	public boolean isReadableByEmail(UUID discussionId, String email) {
		return this.discussions.findById(discussionId)
			.filter(Discussion::isPublished)
			.map(d -> d.privacy() == Privacy.PUBLIC || this.deliveries.isInvited(d.id(), EmailAddress.key(email)))
			.orElse(false);
	}

	private boolean canRead(Discussion d, boolean organiser, Principal principal) {
		if (organiser) {
			return true;
		}
		if (!d.isPublished()) {
			return false;
		}
		if (d.privacy() == Privacy.PUBLIC) {
			return true;
		}
		return principal != null && this.deliveries.isInvited(d.id(), EmailAddress.key(principal.getName()));
	}

	/**
	 * A discussion the caller may read, and whether the caller is one of its organisers.
	 */
	public record Reading(Discussion discussion, boolean organiser) {
	}

}
