package org.parley.web.imports;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;

import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.web.system.CurrentOrganiser;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code /api/imports}: start an import, read it, stream its progress. */
@RestController
@RequestMapping("/api/imports")
class ImportController {

	private final DocumentImports imports;

	private final ImportStreams streams;

	private final CurrentOrganiser organiser;

	private final DocumentImportRepository rows;

	ImportController(DocumentImports imports, ImportStreams streams, CurrentOrganiser organiser,
			DocumentImportRepository rows) {
		this.rows = rows;
		this.imports = imports;
		this.streams = streams;
		this.organiser = organiser;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportView> upload(@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "title", required = false) String title, Principal principal) throws IOException {
		if (file == null) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "FILE_MISSING", "No file",
					"Please choose a document to upload.");
		}
		DocumentImport started = this.imports.upload(this.organiser.require(principal), file.getOriginalFilename(),
				file.getContentType(), file.getBytes(), title);
		return accepted(started);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ImportView> fromDrive(@RequestBody DriveImportForm form, Principal principal) {
		DocumentImport started = this.imports.fromDrive(this.organiser.require(principal), form.driveFileId(),
				form.driveUrl(), form.title());
		return accepted(started);
	}

	private static ResponseEntity<ImportView> accepted(DocumentImport started) {
		return ResponseEntity.accepted()
			.location(URI.create("/api/imports/" + started.id()))
			.body(ImportView.of(started));
	}

	@GetMapping("/{id}")
	ImportView get(@PathVariable UUID id, Principal principal) {
		return view(find(id, principal));
	}

	@GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable UUID id, Principal principal) {
		return this.streams.open(view(find(id, principal)));
	}

	private ImportView view(DocumentImport i) {
		return ImportView.of(i, this.rows.revisionOf(i.id()).orElse(null));
	}

	private DocumentImport find(UUID id, Principal principal) {
		return this.imports.find(id, this.organiser.require(principal)).orElseThrow(ProblemException::notFound);
	}

}
