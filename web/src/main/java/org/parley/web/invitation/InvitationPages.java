package org.parley.web.invitation;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.invitation.InvitationCounts;
import org.parley.web.system.CurrentOrganiser;
import org.parley.web.system.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The invite page of a discussion and the page of one batch, organisers only: signing in
 * is required by {@code SecurityConfiguration}, and the discussion's own organisers are
 * told from the rest here. Both are rendered with what is known now; a small script posts
 * the list to the API and follows the counts over SSE, so the organiser can close the tab
 * and come back.
 */
@Controller
class InvitationPages {

	/** How many of a discussion's batches its invite page lists, newest first. */
	private static final int LATEST_BATCHES = 20;

	private final DiscussionRepository discussions;

	private final InvitationBatchRepository batches;

	private final Invitations invitations;

	private final CurrentOrganiser organiser;

	private final InvitationSettings settings;

	InvitationPages(DiscussionRepository discussions, InvitationBatchRepository batches, Invitations invitations,
			CurrentOrganiser organiser, InvitationSettings settings) {
		this.discussions = discussions;
		this.batches = batches;
		this.invitations = invitations;
		this.organiser = organiser;
		this.settings = settings;
	}

	@GetMapping("/discussions/{id}/invitations")
	String invite(@PathVariable UUID id, Principal principal, Model model) {
		UUID organiserId = this.organiser.require(principal);
		Discussion discussion = this.discussions.findById(id)
			.filter(d -> this.discussions.isOrganisedBy(d.id(), organiserId))
			.orElseThrow(ProblemException::notFound);
		model.addAttribute("discussion", discussion);
		model.addAttribute("maxEntries", this.settings.maxEntries());
		List<InvitationBatch> latest = this.batches.findByDiscussion(id, LATEST_BATCHES);
		Map<UUID, InvitationCounts> counts = this.batches.counts(latest);
		model.addAttribute("batches", latest.stream().map(b -> InvitationBatchView.of(b, counts.get(b.id()))).toList());
		return "invite";
	}

	@GetMapping("/invitation-batches/{id}")
	String batch(@PathVariable UUID id, Principal principal, Model model) {
		InvitationBatch batch = this.invitations.find(id, this.organiser.require(principal))
			.orElseThrow(ProblemException::notFound);
		model.addAttribute("batch", InvitationBatchView.of(batch, this.batches.counts(batch)));
		model.addAttribute("source", batch.sourceName());
		model.addAttribute("discussion", this.discussions.findById(batch.discussionId()).orElseThrow());
		return "invitation-batch";
	}

}
