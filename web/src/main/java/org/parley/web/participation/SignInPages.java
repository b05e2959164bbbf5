package org.parley.web.participation;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.parley.domain.participation.Participant;
import org.parley.domain.participation.ParticipantRepository;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Opening a magic link starts a participant session and goes to the discussion; on the first
 * sign-in the participant first chooses the name others will see.
 */
@Controller
class SignInPages {

	static final String ROLE = "ROLE_PARTICIPANT";

	private final SignInLinks links;

	private final ParticipantRepository participants;

	private final CurrentParticipant current;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SignInPages(SignInLinks links, ParticipantRepository participants, CurrentParticipant current) {
		this.links = links;
		this.participants = participants;
		this.current = current;
	}

	@GetMapping("/sign-in/{token}")
	String signIn(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		return this.links.use(token).map(signedIn -> {
			startSession(signedIn.participant(), request, response);
			String target = (signedIn.discussionId() != null) ? "/discussions/" + signedIn.discussionId() : "/";
			if (signedIn.participant().displayName() == null) {
				return "redirect:/me/name?next=" + target;
			}
			return "redirect:" + target;
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

	private void startSession(Participant participant, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId(); // no session fixation across the sign-in
		}
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(participant.email(), null,
				List.of(new SimpleGrantedAuthority(ROLE))));
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	/** Only paths of this site, so that the link cannot be turned into an open redirect. */
	static String safeNext(String next) {
		if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
			return "/";
		}
		return next;
	}

}
