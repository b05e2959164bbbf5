package org.parley.web.system;

import java.security.Principal;

import org.parley.domain.discussion.DiscussionRepository;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page and the sign-in page. */
@Controller
class HomePages {

	private final DiscussionRepository discussions;

	private final CurrentOrganiser organiser;

	HomePages(DiscussionRepository discussions, CurrentOrganiser organiser) {
		this.discussions = discussions;
		this.organiser = organiser;
	}

	@GetMapping("/")
	String home(Principal principal, Model model) {
		model.addAttribute("published", this.discussions.findPublished());
		model.addAttribute("organised",
				this.organiser.id(principal).map(this.discussions::findOrganisedBy).orElse(java.util.List.of()));
		return "home";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
