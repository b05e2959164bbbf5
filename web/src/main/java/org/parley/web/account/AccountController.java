package org.parley.web.account;

import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.parley.web.system.CurrentOrganiser;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** An organiser's password, and adding organisers, over the JSON API. */
@RestController
class AccountController {

	private final OrganiserAccounts accounts;

	private final CurrentOrganiser organiser;

	AccountController(OrganiserAccounts accounts, CurrentOrganiser organiser) {
		this.accounts = accounts;
		this.organiser = organiser;
	}

	@PutMapping("/api/account/password")
	ResponseEntity<Void> changePassword(@RequestBody PasswordChange change, Principal principal,
			HttpServletRequest request) {
		this.accounts.changePassword(this.organiser.require(principal), request.getRemoteAddr(),
				change.currentPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/organisers")
	ResponseEntity<AddedOrganiser> add(@RequestBody OrganiserForm form, Principal principal) {
		OrganiserAccounts.NewOrganiser added = this.accounts.add(this.organiser.require(principal), form.email(),
				form.displayName());
		return ResponseEntity.created(URI.create("/api/organisers/" + added.id()))
			.body(new AddedOrganiser(added.id(), added.email(), setupLink(added.setupToken()), added.expiresAt()));
	}

	/** The link's address as this request reached the web. */
	static String setupLink(String token) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/organiser-setup/{token}")
			.buildAndExpand(token)
			.toUriString();
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

	record OrganiserForm(String email, String displayName) {
	}

	/**
	 * The new organiser, with the set-up link to hand them: shown this once, never stored
	 * in the clear.
	 */
	record AddedOrganiser(UUID id, String email, String setupLink, OffsetDateTime setupLinkExpiresAt) {
	}

}
