package org.parley.web.participation;

import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.web.language.Languages;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.LocaleResolver;

/**
 * {@code PUT /api/me/language}: the signed-in person's language for pages and mail, kept
 * on their participant row (made on the first choice) and in the cookie.
 */
@RestController
class LanguageController {

	private final Languages languages;

	private final ParticipantRepository participants;

	private final LocaleResolver resolver;

	private final Clock clock;

	LanguageController(Languages languages, ParticipantRepository participants, LocaleResolver localeResolver,
			Clock clock) {
		this.languages = languages;
		this.participants = participants;
		this.resolver = localeResolver;
		this.clock = clock;
	}

	record LanguageChoice(String language) {
	}

	@PutMapping("/api/me/language")
	LanguageChoice choose(@RequestBody LanguageChoice choice, Principal principal, HttpServletRequest request,
			HttpServletResponse response) {
		Locale language = this.languages.match((choice != null) ? choice.language() : null)
			.orElseThrow(
					() -> new ProblemException(HttpStatus.BAD_REQUEST, "UNSUPPORTED_LANGUAGE", "Language not available",
							"Parley does not speak this language. Choose one of: " + tags() + ".", tags()));
		this.participants.findOrCreate(principal.getName(), OffsetDateTime.now(this.clock));
		this.resolver.setLocale(request, response, language);
		return new LanguageChoice(language.toLanguageTag());
	}

	private String tags() {
		return String.join(", ", this.languages.supported().stream().map(Locale::toLanguageTag).toList());
	}

}
