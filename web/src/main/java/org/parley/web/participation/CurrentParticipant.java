package org.parley.web.participation;

import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.parley.domain.participation.Participant;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The caller as a participant: whoever signed in, by magic link or as an organiser, by
 * email.
 */
@Component
class CurrentParticipant {

	private final ParticipantRepository participants;

	private final Clock clock;

	CurrentParticipant(ParticipantRepository participants, Clock clock) {
		this.participants = participants;
		this.clock = clock;
	}

	Optional<Participant> find(Principal principal) {
		return (principal == null) ? Optional.empty() : this.participants.findByEmail(principal.getName());
	}

	Participant require(Principal principal) {
		if (principal == null) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "SIGN_IN_REQUIRED", "Sign in first",
					"Please sign in with the link we email you to take part.");
		}
		return this.participants.findOrCreate(principal.getName(), OffsetDateTime.now(this.clock));
	}

}
