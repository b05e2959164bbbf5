package org.parley.web.participation;

import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.parley.domain.invitation.EmailAddress;
import org.parley.domain.participation.Participant;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.participation.SignInLink;

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

	/**
	 * Opening the link starts the session and goes to the discussion, as the API
	 * promises. A link works a few times within its short life, so that a mail scanner
	 * that opens it first does not use it up; HEAD, which link checkers send, never uses
	 * it. A browser signed in as someone else is asked first (login CSRF), and one signed
	 * in as the link's owner just goes on.
	 */
	@GetMapping("/sign-in/{token}")
	String signIn(@PathVariable String token, Principal principal, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<SignInLink> link = this.links.usable(token);
		if (link.isEmpty()) {
			return expired(response);
		}
		if ("HEAD".equals(request.getMethod())) {
			return "sign-in-confirm";
		}
		if (principal != null) {
			if (EmailAddress.key(principal.getName()).equals(link.get().email())) {
				return "redirect:" + target(link.get().discussionId());
			}
			model.addAttribute("token", token);
			return "sign-in-confirm";
		}
		return use(token, request, response);
	}

	/** The confirm step's button: switches the browser to the link's participant. */
	@PostMapping("/sign-in/{token}")
	String confirmSignIn(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
		return use(token, request, response);
	}

	private String use(String token, HttpServletRequest request, HttpServletResponse response) {
		return this.links.use(token)
			.map(signedIn -> "redirect:"
					+ this.sessions.start(signedIn.participant(), target(signedIn.discussionId()), request, response))
			.orElseGet(() -> expired(response));
	}

	private static String target(UUID discussionId) {
		return (discussionId != null) ? "/discussions/" + discussionId : "/";
	}

	private static String expired(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_GONE);
		return "sign-in-expired";
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
	 * Only paths of this site, so that the link cannot be turned into an open redirect,
	 * and no control characters, which would split the Location header.
	 */
	static String safeNext(String next) {
		if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
				|| next.chars().anyMatch(Character::isISOControl)) {
			return "/";
		}
		return next;
	}

}
