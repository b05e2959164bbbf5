package org.parley.web.discussion;

import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.Privacy;
import org.parley.web.system.CurrentOrganiser;

import org.springframework.stereotype.Component;

/**
 * Who may read a discussion: its organisers always; anyone once it is public and no longer a
 * draft. Private discussions open to their invitees with the invitation work.
 */
@Component
public class DiscussionAccess {

	private final DiscussionRepository discussions;

	private final CurrentOrganiser organiser;

	DiscussionAccess(DiscussionRepository discussions, CurrentOrganiser organiser) {
		this.discussions = discussions;
		this.organiser = organiser;
	}

	public Optional<Discussion> readable(UUID id, Principal principal) {
		return this.discussions.findById(id).filter(d -> canRead(d, principal));
	}

	public boolean isOrganiser(Discussion discussion, Principal principal) {
		return this.organiser.id(principal).map(o -> this.discussions.isOrganisedBy(discussion.id(), o)).orElse(false);
	}

	private boolean canRead(Discussion d, Principal principal) {
		if (d.privacy() == Privacy.PUBLIC && d.isPublished()) {
			return true;
		}
		return isOrganiser(d, principal);
	}

}
