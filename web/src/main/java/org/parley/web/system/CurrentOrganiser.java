package org.parley.web.system;

import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.organiser.OrganiserRepository;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Who the signed-in organiser is, as the domain knows them. */
@Component
public class CurrentOrganiser {

	public static final String ROLE = "ROLE_ORGANISER";

	private final OrganiserRepository organisers;

	CurrentOrganiser(OrganiserRepository organisers) {
		this.organisers = organisers;
	}

	/**
	 * The organiser, if the caller signed in as one: a participant with the same email is
	 * not.
	 */
	public Optional<UUID> id(Principal principal) {
		if (!(principal instanceof Authentication authentication) || !isOrganiser(authentication)) {
			return Optional.empty();
		}
		return this.organisers.findByEmail(principal.getName()).map(o -> o.id());
	}

	public static boolean isOrganiser(Authentication authentication) {
		return authentication.getAuthorities().stream().anyMatch(a -> ROLE.equals(a.getAuthority()));
	}

	public UUID require(Principal principal) {
		return id(principal).orElseThrow(ProblemException::notFound);
	}

}
