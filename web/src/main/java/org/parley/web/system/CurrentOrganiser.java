package org.parley.web.system;

import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.organiser.OrganiserRepository;

import org.springframework.stereotype.Component;

/** Who the signed-in organiser is, as the domain knows them. */
@Component
public class CurrentOrganiser {

	private final OrganiserRepository organisers;

	CurrentOrganiser(OrganiserRepository organisers) {
		this.organisers = organisers;
	}

	public Optional<UUID> id(Principal principal) {
		if (principal == null) {
			return Optional.empty();
		}
		return this.organisers.findByEmail(principal.getName()).map(o -> o.id());
	}

	public UUID require(Principal principal) {
		return id(principal).orElseThrow(ProblemException::notFound);
	}

}
