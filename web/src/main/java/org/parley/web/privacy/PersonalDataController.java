package org.parley.web.privacy;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.parley.domain.participation.Participant;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.participation.PersonalData;
import org.parley.domain.participation.PersonalDataRepository;
import org.parley.web.system.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me/data} (JSON), {@code GET /api/me/data.csv} and
 * {@code DELETE /api/me} for the signed-in participant, about themselves only.
 */
@RestController
class PersonalDataController {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataController.class);

	private final ParticipantRepository participants;

	private final PersonalDataRepository personalData;

	private final Clock clock;

	PersonalDataController(ParticipantRepository participants, PersonalDataRepository personalData, Clock clock) {
		this.participants = participants;
		this.personalData = personalData;
		this.clock = clock;
	}

	@GetMapping(path = "/api/me/data", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PersonalData> data(Principal principal) {
		PersonalData data = find(principal);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("my-parley-data.json").build().toString())
			.body(data);
	}

	@GetMapping(path = "/api/me/data.csv", produces = "text/csv")
	void dataCsv(Principal principal, HttpServletResponse response) throws IOException {
		PersonalData data = find(principal);
		response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("my-parley-data.csv").build().toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		PersonalDataCsv.write(data, writer);
		writer.flush();
	}

	/**
	 * Erases the caller's participant account and signs them out. An organiser calling it
	 * erases the participant they are on discussion pages, not their organiser account.
	 */
	@DeleteMapping("/api/me")
	ResponseEntity<Void> erase(Principal principal, HttpServletRequest request) {
		Participant me = participant(principal)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "NO_PARTICIPANT", "Nothing to erase",
					"You have not taken part in any discussion, so Parley holds nothing to erase."));
		this.personalData.erase(me.id(), OffsetDateTime.now(this.clock));
		log.info("Participant {} erased their account", me.id());
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return ResponseEntity.noContent().build();
	}

	private PersonalData find(Principal principal) {
		return participant(principal).flatMap(p -> this.personalData.find(p.id()))
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "NO_PARTICIPANT", "No data",
					"You have not taken part in any discussion, so Parley holds no data of yours."));
	}

	private Optional<Participant> participant(Principal principal) {
		if (principal == null) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "SIGN_IN_REQUIRED", "Sign in first",
					"Please sign in with the link we email you.");
		}
		return this.participants.findByEmail(principal.getName()).filter(p -> !p.isErased());
	}

}
