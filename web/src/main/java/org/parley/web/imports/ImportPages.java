package org.parley.web.imports;

import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.drive.DriveAuthorization;

import org.parley.domain.imports.DocumentImport;
import org.parley.web.system.CurrentOrganiser;
import org.parley.web.system.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The import page (upload a file or paste a Drive link) and the progress page of an
 * import, which the organiser can leave and reopen.
 */
@Controller
class ImportPages {

	private final DocumentImports imports;

	private final CurrentOrganiser organiser;

	private final UploadSettings settings;

	private final DriveConnections connections;

	ImportPages(DocumentImports imports, CurrentOrganiser organiser, UploadSettings settings,
			DriveConnections connections) {
		this.imports = imports;
		this.organiser = organiser;
		this.settings = settings;
		this.connections = connections;
	}

	@GetMapping("/imports/new")
	String upload(@RequestParam(name = "drive", required = false) String driveOutcome, Principal principal,
			Model model) {
		UUID organiserId = this.organiser.require(principal);
		Optional<DriveAuthorization> connected = this.connections.of(organiserId);
		model.addAttribute("maxMegabytes", this.settings.maxFileSize().toMegabytes());
		model.addAttribute("driveConfigured", this.imports.canImportFromDrive(connected));
		model.addAttribute("canConnectDrive", this.connections.canConnect());
		model.addAttribute("driveConnected", connected.isPresent());
		model.addAttribute("driveAccount", connected.map(DriveAuthorization::googleAccount).orElse(null));
		model.addAttribute("driveOutcome", DriveOutcome.of(driveOutcome));
		model.addAttribute("connectDrivePath", DriveConnectionConfiguration.AUTHORIZATION_PATH);
		return "import-new";
	}

	/**
	 * Where Google sends the organiser back. Spring Security has already exchanged the
	 * code and stored the refresh token (then redirected here without the code), or it
	 * passes Google's refusal on as {@code error}.
	 */
	@GetMapping(DriveConnectionConfiguration.CALLBACK_PATH)
	String connected(@RequestParam(name = "error", required = false) String error, Principal principal) {
		if (error != null) {
			return "redirect:/imports/new?drive=" + DriveOutcome.REFUSED.parameter;
		}
		boolean stored = this.connections.of(this.organiser.require(principal)).isPresent();
		return "redirect:/imports/new?drive="
				+ (stored ? DriveOutcome.CONNECTED : DriveOutcome.NO_OFFLINE_ACCESS).parameter;
	}

	@PostMapping("/imports/drive/disconnect")
	String disconnect(Principal principal) {
		this.connections.disconnect(this.organiser.require(principal));
		return "redirect:/imports/new?drive=" + DriveOutcome.DISCONNECTED.parameter;
	}

	/**
	 * The "paste a Drive link" form: a plain form post, so it works without JavaScript.
	 */
	@PostMapping("/imports/drive")
	String fromDrive(DriveImportForm form, Principal principal) {
		DocumentImport started = this.imports.fromDrive(this.organiser.require(principal), form.driveFileId(),
				form.driveUrl(), form.title());
		return "redirect:/imports/" + started.id();
	}

	@GetMapping("/imports/{id}")
	String progress(@PathVariable UUID id, Principal principal, Model model) {
		model.addAttribute("documentImport", ImportView
			.of(this.imports.find(id, this.organiser.require(principal)).orElseThrow(ProblemException::notFound)));
		return "import-progress";
	}

	/** What the page says after connecting or disconnecting Google Drive. */
	enum DriveOutcome {

		CONNECTED("connected"), NO_OFFLINE_ACCESS("no-offline-access"), REFUSED("refused"),
		DISCONNECTED("disconnected");

		final String parameter;

		DriveOutcome(String parameter) {
			this.parameter = parameter;
		}

		/** The page's text for it in the message bundle. */
		public String messageKey() {
			return "import.drive.outcome." + name();
		}

		public boolean isProblem() {
			return this == NO_OFFLINE_ACCESS || this == REFUSED;
		}

		static DriveOutcome of(String parameter) {
			for (DriveOutcome outcome : values()) {
				if (outcome.parameter.equals(parameter)) {
					return outcome;
				}
			}
			return null;
		}

	}

}
