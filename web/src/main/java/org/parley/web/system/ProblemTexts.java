package org.parley.web.system;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A problem's title and detail in the reader's language: {@code problem.<CODE>.title} and
 * {@code .detail} from the bundle, filled in with the refusal's values; a code the bundle
 * lacks keeps its English, and English readers get the API's own text. The code, type and
 * status never change.
 */
@Component
public class ProblemTexts {

	private final MessageSource messages;

	private final LocaleResolver locales;

	ProblemTexts(MessageSource messages, LocaleResolver localeResolver) {
		this.messages = messages;
		this.locales = localeResolver;
	}

	/** The request's language, also where no Spring MVC handler runs (filters). */
	public Locale locale(HttpServletRequest request) {
		return this.locales.resolveLocale(request);
	}

	public ProblemDetail localise(ProblemDetail problem, HttpServletRequest request, Object... arguments) {
		return localise(problem, locale(request), arguments);
	}

	public ProblemDetail localise(ProblemDetail problem, Locale locale, Object... arguments) {
		Map<String, Object> properties = problem.getProperties();
		Object code = (properties != null) ? properties.get("code") : null;
		if (code == null || Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
			// The API's English is the most exact: some codes have several texts.
			return problem;
		}
		ProblemDetail localised = ProblemDetail.forStatus(problem.getStatus());
		localised.setType(problem.getType());
		localised.setInstance(problem.getInstance());
		localised
			.setTitle(this.messages.getMessage("problem." + code + ".title", arguments, problem.getTitle(), locale));
		localised
			.setDetail(this.messages.getMessage("problem." + code + ".detail", arguments, problem.getDetail(), locale));
		properties.forEach(localised::setProperty);
		return localised;
	}

}
