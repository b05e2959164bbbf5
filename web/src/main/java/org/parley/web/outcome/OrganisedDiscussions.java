package org.parley.web.outcome;

import java.security.Principal;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.web.system.CurrentOrganiser;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The discussion, if the caller organises it. A caller who is not signed in is asked to;
 * anyone else learns nothing, not even that it exists.
 */
@Component
class OrganisedDiscussions {

	private final DiscussionRepository discussions;

	private final CurrentOrganiser organiser;

	OrganisedDiscussions(DiscussionRepository discussions, CurrentOrganiser organiser) {
		this.discussions = discussions;
		this.organiser = organiser;
	}

	Discussion require(UUID discussionId, Principal principal) {
		return require(discussionId, organiser(principal));
	}

	Discussion require(UUID discussionId, UUID organiserId) {
		return this.discussions.findById(discussionId)
			.filter(d -> this.discussions.isOrganisedBy(d.id(), organiserId))
			.orElseThrow(ProblemException::notFound);
	}

	UUID organiser(Principal principal) {
		if (principal == null) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "SIGN_IN_REQUIRED", "Sign in first",
					"Please sign in as an organiser of this discussion.");
		}
		return this.organiser.require(principal);
	}

}
