package org.parley.web.system;

import java.security.Principal;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page and the sign-in page. */
@Controller
class HomePages {

	private final DiscussionRepository discussions;

	private final CurrentOrganiser organiser;

	private final java.time.Clock clock;

	HomePages(DiscussionRepository discussions, CurrentOrganiser organiser, java.time.Clock clock) {
		this.discussions = discussions;
		this.organiser = organiser;
		this.clock = clock;
	}

	/**
	 * {@code /discussions} in a browser is the list of consultations, as the front page
	 * shows them; the JSON list stays at {@code /api/discussions}.
	 */
	@GetMapping(path = "/discussions", produces = MediaType.TEXT_HTML_VALUE)
	String discussions(Principal principal, Model model) {
		return home(principal, model);
	}

	@GetMapping("/")
	String home(Principal principal, Model model) {
		// Open consultations first, then the scheduled ones, then the closed.
		model.addAttribute("published",
				this.discussions.findPublished()
					.stream()
					.sorted(java.util.Comparator.comparingInt((Discussion d) -> switch (d.status(this.clock)) {
						case OPEN -> 0;
						case DRAFT -> 1;
						case CLOSED -> 2;
					}))
					.toList());
		model.addAttribute("organised",
				this.organiser.id(principal).map(this.discussions::findOrganisedBy).orElse(java.util.List.of()));
		return "home";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
