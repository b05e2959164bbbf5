package org.parley.web.language;

import java.security.Principal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * The language of a request, in the order the API contract gives: the signed-in person's
 * chosen language, {@code ?lang=xx} (remembered in a cookie), {@code Accept-Language},
 * the discussion's own language, English.
 */
class ChosenLanguage implements LocaleResolver {

	static final String COOKIE = "parley-lang";

	static final Duration COOKIE_AGE = Duration.ofDays(365);

	/** Where a page about one discussion names that discussion's language. */
	static final String DISCUSSION_LANGUAGE = ChosenLanguage.class.getName() + ".discussion";

	/** Where {@code ?lang=} is put for the rest of the request, once checked. */
	static final String ASKED = ChosenLanguage.class.getName() + ".asked";

	private static final String PERSON = ChosenLanguage.class.getName() + ".person";

	private final Languages languages;

	private final ParticipantLanguages people;

	ChosenLanguage(Languages languages, ParticipantLanguages people) {
		this.languages = languages;
		this.people = people;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return person(request).or(() -> asked(request))
			.or(() -> cookie(request))
			.or(() -> accepted(request))
			.or(() -> this.languages.match((String) request.getAttribute(DISCUSSION_LANGUAGE)))
			.orElse(Languages.DEFAULT);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale chosen = this.languages.match((locale != null) ? locale.toLanguageTag() : null).orElse(null);
		if (chosen == null) {
			return;
		}
		request.setAttribute(ASKED, chosen);
		Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
		cookie.setPath("/");
		cookie.setMaxAge((int) COOKIE_AGE.toSeconds());
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
		Principal principal = request.getUserPrincipal();
		if (principal != null) {
			this.people.choose(principal.getName(), chosen);
			request.setAttribute(PERSON, Optional.of(chosen));
		}
	}

	@SuppressWarnings("unchecked")
	private Optional<Locale> person(HttpServletRequest request) {
		Object known = request.getAttribute(PERSON);
		if (known instanceof Optional<?> cached) {
			return (Optional<Locale>) cached;
		}
		Principal principal = request.getUserPrincipal();
		Optional<Locale> chosen = (principal != null)
				? this.people.chosen(principal.getName()).flatMap(this.languages::match) : Optional.empty();
		request.setAttribute(PERSON, chosen);
		return chosen;
	}

	private static Optional<Locale> asked(HttpServletRequest request) {
		return Optional.ofNullable((Locale) request.getAttribute(ASKED));
	}

	private Optional<Locale> cookie(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, COOKIE);
		return (cookie != null) ? this.languages.match(cookie.getValue()) : Optional.empty();
	}

	private Optional<Locale> accepted(HttpServletRequest request) {
		return (request.getHeader("Accept-Language") != null) ? this.languages.firstOf(request.getLocales())
				: Optional.empty();
	}

}
