package org.parley.web.revision;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import org.parley.domain.imports.DocumentImport;
import org.parley.domain.participation.CommentRepository;
import org.parley.web.imports.DriveImportForm;
import org.parley.web.imports.ImportView;
import org.parley.web.system.CurrentOrganiser;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The revision calls of the API (section "Revisions" of API.md). */
@RestController
@RequestMapping("/api")
class RevisionController {

	private final Revisions revisions;

	private final CurrentOrganiser organiser;

	RevisionController(Revisions revisions, CurrentOrganiser organiser) {
		this.revisions = revisions;
		this.organiser = organiser;
	}

	@PostMapping(path = "/discussions/{id}/revisions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportView> reimport(@PathVariable UUID id,
			@RequestPart(name = "file", required = false) MultipartFile file, Principal principal) throws IOException {
		UUID organiserId = this.organiser.require(principal);
		if (file == null) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "FILE_MISSING", "No file",
					"Please choose a document to upload.");
		}
		return accepted(this.revisions.reimport(id, organiserId, file.getOriginalFilename(), file.getContentType(),
				file.getBytes()));
	}

	@PostMapping(path = "/discussions/{id}/revisions", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ImportView> reimportFromDrive(@PathVariable UUID id, @RequestBody DriveImportForm form,
			Principal principal) {
		return accepted(this.revisions.reimportFromDrive(id, this.organiser.require(principal), form.driveFileId(),
				form.driveUrl()));
	}

	private static ResponseEntity<ImportView> accepted(DocumentImport started) {
		return ResponseEntity.accepted()
			.location(URI.create("/api/imports/" + started.id()))
			.body(ImportView.of(started));
	}

	@GetMapping("/discussions/{id}/revisions")
	List<RevisionView> list(@PathVariable UUID id, Principal principal) {
		return this.revisions.list(id, principal);
	}

	@GetMapping("/discussions/{id}/revisions/{n}/matches")
	List<MatchView> matches(@PathVariable UUID id, @PathVariable int n,
			@RequestParam(name = "unit", defaultValue = "PARAGRAPH") String unit, Principal principal) {
		return this.revisions.matches(id, n, "SECTION".equalsIgnoreCase(unit), principal);
	}

	/** {@code {"from": paragraphId | null}}: re-pair a draft paragraph, or un-pair it. */
	@PutMapping("/discussions/{id}/revisions/{n}/paragraphs/{paragraphId}/pair")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void pair(@PathVariable UUID id, @PathVariable int n, @PathVariable UUID paragraphId, @RequestBody Pair pair,
			Principal principal) {
		this.revisions.pair(id, n, paragraphId, pair.from(), this.organiser.require(principal));
	}

	/**
	 * {@code {"meaningChanged": true | false}}: an edit that changes the meaning starts
	 * the section's votes again; a minor one keeps them.
	 */
	@PutMapping("/discussions/{id}/revisions/{n}/paragraphs/{paragraphId}/meaning")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void meaning(@PathVariable UUID id, @PathVariable int n, @PathVariable UUID paragraphId,
			@RequestBody Meaning meaning, Principal principal) {
		this.revisions.markMeaning(id, n, paragraphId, meaning.meaningChanged(), this.organiser.require(principal));
	}

	@PostMapping("/discussions/{id}/revisions/{n}/publish")
	RevisionView publish(@PathVariable UUID id, @PathVariable int n, Principal principal) {
		return this.revisions.publish(id, n, this.organiser.require(principal));
	}

	@GetMapping("/discussions/{id}/removed-text-comments")
	List<CommentRepository.CommentOnRemovedText> onRemovedText(@PathVariable UUID id, Principal principal) {
		return this.revisions.onRemovedText(id, principal);
	}

	/** {@code {"revision": n | null}}: this comment led to the change in revision n. */
	@PutMapping("/comments/{id}/led-to")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void ledTo(@PathVariable UUID id, @RequestBody LedTo ledTo, Principal principal) {
		this.revisions.ledTo(id, ledTo.revision(), this.organiser.require(principal));
	}

	record Pair(UUID from) {
	}

	record Meaning(boolean meaningChanged) {
	}

	record LedTo(Integer revision) {
	}

}
