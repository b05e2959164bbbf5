package org.parley.web.discussion;

import java.security.Principal;
import java.time.Clock;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.web.system.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The discussion page: the title, then every section with its number, label, heading and text. */
@Controller
class DiscussionPages {

	private final DiscussionRepository discussions;

	private final DiscussionAccess access;

	private final Clock clock;

	DiscussionPages(DiscussionRepository discussions, DiscussionAccess access, Clock clock) {
		this.discussions = discussions;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/discussions/{id}")
	String discussion(@PathVariable UUID id, Principal principal, Model model) {
		Discussion discussion = this.access.readable(id, principal).orElseThrow(ProblemException::notFound);
		model.addAttribute("discussion", DiscussionView.of(discussion, this.clock));
		model.addAttribute("sections", this.discussions.findSections(id));
		model.addAttribute("organiser", this.access.isOrganiser(discussion, principal));
		return "discussion";
	}

}
