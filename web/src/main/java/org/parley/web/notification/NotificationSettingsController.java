package org.parley.web.notification;

import java.security.Principal;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notification calls of the API: the caller's settings, and following a discussion.
 */
@RestController
@RequestMapping("/api")
class NotificationSettingsController {

	private final NotificationChoices choices;

	NotificationSettingsController(NotificationChoices choices) {
		this.choices = choices;
	}

	@GetMapping("/me/notification-settings")
	NotificationSettingsView settings(@RequestParam(required = false) UUID discussionId, Principal principal) {
		return this.choices.settings(principal, discussionId);
	}

	@PutMapping("/me/notification-settings")
	NotificationSettingsView change(@RequestBody NotificationSettingsForm form, Principal principal) {
		return this.choices.change(principal, form);
	}

	@PutMapping("/discussions/{id}/follow")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void follow(@PathVariable UUID id, Principal principal) {
		this.choices.follow(id, principal, true);
	}

	@DeleteMapping("/discussions/{id}/follow")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unfollow(@PathVariable UUID id, Principal principal) {
		this.choices.follow(id, principal, false);
	}

}
