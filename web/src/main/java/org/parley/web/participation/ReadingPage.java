package org.parley.web.participation;

import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.web.discussion.DiscussionAccess;
import org.parley.web.discussion.DiscussionView;
import org.parley.web.system.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The discussion page everyone reads: the title, every section with its number, label, heading
 * and text, where each section stands, and the statistics. Signed-in people vote and comment from
 * it; organisers also get their settings and the fixes of the draft.
 */
@Controller
class ReadingPage {

	private final DiscussionAccess access;

	private final DiscussionRepository discussions;

	private final Participation participation;

	private final CurrentParticipant participant;

	private final Clock clock;

	ReadingPage(DiscussionAccess access, DiscussionRepository discussions, Participation participation,
			CurrentParticipant participant, Clock clock) {
		this.access = access;
		this.discussions = discussions;
		this.participation = participation;
		this.participant = participant;
		this.clock = clock;
	}

	@GetMapping("/discussions/{id}")
	String discussion(@PathVariable UUID id, Principal principal, Model model) {
		Discussion discussion = this.access.readable(id, principal).orElseThrow(ProblemException::notFound);
		boolean organises = this.access.isOrganiser(discussion, principal);
		ZoneId zone = (discussion.timeZone() != null) ? discussion.timeZone() : ZoneOffset.UTC;
		DiscussionView view = DiscussionView.of(discussion, this.clock);
		model.addAttribute("discussion", view);
		model.addAttribute("sections", this.participation.sections(id, principal));
		model.addAttribute("stats", this.participation.statistics(id, principal));
		model.addAttribute("organiser", organises);
		model.addAttribute("premoderated", organises && this.discussions.isPremoderated(id));
		model.addAttribute("editable", organises && !discussion.isPublished());
		model.addAttribute("signedIn", principal != null);
		model.addAttribute("me", this.participant.find(principal).map(p -> p.shownName()).orElse(null));
		model.addAttribute("canTakePart", principal != null && view.status().name().equals("OPEN"));
		model.addAttribute("zone", zone.getId());
		model.addAttribute("opensLocal", local(discussion.opensAt(), zone));
		model.addAttribute("closesLocal", local(discussion.closesAt(), zone));
		model.addAttribute("closesOn", (discussion.closesAt() != null)
				? discussion.closesAt().atZoneSameInstant(zone).format(java.time.format.DateTimeFormatter.ofPattern("d MMM"))
				: null);
		return "discussion";
	}

	private static String local(OffsetDateTime at, ZoneId zone) {
		return (at != null) ? at.atZoneSameInstant(zone).toLocalDateTime().toString() : "";
	}

}
