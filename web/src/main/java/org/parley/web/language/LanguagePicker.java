package org.parley.web.language;

import java.util.AbstractMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's header needs of its language, as request attributes (so that the
 * pages an exception handler renders have them too): the language picker, one link per
 * language to the same page with {@code ?lang=xx}, named in its own language; and the
 * texts a page hands its script as patterns.
 */
class LanguagePicker implements HandlerInterceptor {

	private final Languages languages;

	private final MessagePatterns patterns;

	private final LocaleResolver resolver;

	LanguagePicker(Languages languages, MessagePatterns patterns, LocaleResolver resolver) {
		this.languages = languages;
		this.patterns = patterns;
		this.resolver = resolver;
	}

	record Choice(String tag, String name, String href, boolean current) {
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Locale locale = this.resolver.resolveLocale(request);
		request.setAttribute("languageChoices", choices(request, locale));
		request.setAttribute("patterns", patterns(locale));
		return true;
	}

	/**
	 * Texts as patterns for a page's script, by key:
	 * {@code ${patterns['js.flaggedTimes']}} (see {@link MessagePatterns}).
	 */
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

}
