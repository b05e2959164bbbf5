package org.parley.web.participation;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sign-in-links}: mail me a magic link. */
@RestController
class SignInController {

	private final SignInLinks links;

	SignInController(SignInLinks links) {
		this.links = links;
	}

	@PostMapping("/api/sign-in-links")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void request(@RequestBody LinkRequest request, HttpServletRequest http) {
		this.links.request(request.email(), request.discussionId(), http.getRemoteAddr());
	}

	record LinkRequest(String email, UUID discussionId) {
	}

}
