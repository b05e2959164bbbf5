package org.parley.web.participation;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.parley.domain.participation.Participant;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a participant's session once a link proved they own their address: a magic link
 * or an invitation link. The session id changes, so no one can plant a session before the
 * sign-in.
 */
@Component
public class ParticipantSessions {

	static final String ROLE = "ROLE_PARTICIPANT";

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	/**
	 * @return where to go: the name page on first sign-in, else the target
	 */
	public String start(Participant participant, String target, HttpServletRequest request,
			HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(participant.email(), null,
				List.of(new SimpleGrantedAuthority(ROLE))));
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return (participant.displayName() == null) ? "/me/name?next=" + target : target;
	}

}
