package org.parley.web.participation;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.parley.domain.participation.Participant;
import org.parley.domain.participation.ParticipantRepository;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Opening a magic link starts a participant session and goes to the discussion; on the
 * first sign-in the participant first chooses the name others will see.
 */
@Controller
class SignInPages {

	private final SignInLinks links;

	private final ParticipantRepository participants;

	private final CurrentParticipant current;

	private final ParticipantSessions sessions;

	SignInPages(SignInLinks links, ParticipantRepository participants, CurrentParticipant current,
			ParticipantSessions sessions) {
		this.links = links;
		this.participants = participants;
		this.current = current;
		this.sessions = sessions;
	}

	@GetMapping("/sign-in/{token}")
	String signIn(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
		return this.links.use(token).map(signedIn -> {
			String target = (signedIn.discussionId() != null) ? "/discussions/" + signedIn.discussionId() : "/";
			return "redirect:" + this.sessions.start(signedIn.participant(), target, request, response);
		}).orElseGet(() -> {
			response.setStatus(HttpServletResponse.SC_GONE);
			return "sign-in-expired";
		});
	}

	@GetMapping("/me/name")
	String chooseName(@RequestParam(defaultValue = "/") String next, Principal principal, Model model) {
		Participant me = this.current.require(principal);
		model.addAttribute("name", (me.displayName() != null) ? me.displayName() : me.shownName());
		model.addAttribute("next", safeNext(next));
		return "choose-name";
	}

	@PostMapping("/me/name")
	String saveName(@RequestParam String name, @RequestParam(defaultValue = "/") String next, Principal principal) {
		Participant me = this.current.require(principal);
		String clean = name.strip();
		if (!clean.isEmpty() && clean.length() <= 80) {
			this.participants.rename(me.id(), clean);
		}
		return "redirect:" + safeNext(next);
	}

	/**
	 * Only paths of this site, so that the link cannot be turned into an open redirect.
	 */
	static String safeNext(String next) {
		if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
			return "/";
		}
		return next;
	}

}
