package org.parley.web.language;

import java.util.AbstractMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language picker every page carries in its header: one link per language, to the
 * same page with {@code ?lang=xx}, named in its own language.
 */
@ControllerAdvice
class LanguagePicker {

	private final Languages languages;

	private final MessagePatterns patterns;

	LanguagePicker(Languages languages, MessagePatterns patterns) {
		this.languages = languages;
		this.patterns = patterns;
	}

	/**
	 * Texts as patterns for a page's script, by key:
	 * {@code ${patterns['js.flaggedTimes']}} (see {@link MessagePatterns}).
	 */
	@ModelAttribute("patterns")
	Map<String, String> patterns(Locale locale) {
		return new AbstractMap<>() {
			@Override
			public String get(Object key) {
				return LanguagePicker.this.patterns.of(String.valueOf(key), locale);
			}

			@Override
			public Set<Entry<String, String>> entrySet() {
				return Set.of();
			}
		};
	}

	record Choice(String tag, String name, String href, boolean current) {
	}

	@ModelAttribute("languageChoices")
	List<Choice> choices(HttpServletRequest request, Locale locale) {
		String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String query = null;
		if (path == null) {
			path = request.getRequestURI();
			query = request.getQueryString();
		}
		String page = path;
		String pageQuery = query;
		return this.languages.supported()
			.stream()
			.map(l -> new Choice(l.toLanguageTag(), Languages.nativeName(l),
					UriComponentsBuilder.fromPath(page)
						.query(pageQuery)
						.replaceQueryParam("lang", l.toLanguageTag())
						.build()
						.toUriString(),
					l.getLanguage().equals(locale.getLanguage())))
			.toList();
	}

	/** The page's own language tag, for {@code <html lang>}. */
	@ModelAttribute("pageLanguage")
	String pageLanguage(Locale locale) {
		return this.languages.match(locale.toLanguageTag()).orElse(Languages.DEFAULT).toLanguageTag();
	}

}
