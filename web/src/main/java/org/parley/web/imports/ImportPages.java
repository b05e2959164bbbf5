package org.parley.web.imports;

import java.security.Principal;
import java.util.UUID;

import org.parley.domain.imports.DocumentImport;
import org.parley.web.system.CurrentOrganiser;
import org.parley.web.system.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The import page (upload a file or paste a Drive link) and the progress page of an import, which the organiser can leave and reopen. */
@Controller
class ImportPages {

	private final DocumentImports imports;

	private final CurrentOrganiser organiser;

	private final UploadSettings settings;

	ImportPages(DocumentImports imports, CurrentOrganiser organiser, UploadSettings settings) {
		this.imports = imports;
		this.organiser = organiser;
		this.settings = settings;
	}

	@GetMapping("/imports/new")
	String upload(Model model) {
		model.addAttribute("maxMegabytes", this.settings.maxFileSize().toMegabytes());
		model.addAttribute("driveConfigured", this.imports.isDriveConfigured());
		return "import-new";
	}

	/** The "paste a Drive link" form: a plain form post, so it works without JavaScript. */
	@PostMapping("/imports/drive")
	String fromDrive(DriveImportForm form, Principal principal) {
		DocumentImport started = this.imports.fromDrive(this.organiser.require(principal), form.driveFileId(),
				form.driveUrl(), form.title());
		return "redirect:/imports/" + started.id();
	}

	@GetMapping("/imports/{id}")
	String progress(@PathVariable UUID id, Principal principal, Model model) {
		model.addAttribute("documentImport", ImportView.of(this.imports
			.find(id, this.organiser.require(principal))
			.orElseThrow(ProblemException::notFound)));
		return "import-progress";
	}

}
