package org.parley.web.language;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The message bundles with ICU formats, the request's language ({@link ChosenLanguage}),
 * and {@code ?lang=xx} on any page to choose one.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

	/** Paths that are no pages: no header, so no picker to fill in. */
	static final String[] NOT_PAGES = { "/css/**", "/js/**", "/img/**", "/favicon.ico", "/api/**", "/actuator/**",
			"/v3/**" };

	private final Languages languages;

	private final ParticipantLanguages people;

	private final DiscussionLanguages discussions;

	private final MessagePatterns patterns;

	LanguageConfiguration(Languages languages, ParticipantLanguages people, DiscussionLanguages discussions,
			MessagePatterns patterns) {
		this.languages = languages;
		this.people = people;
		this.discussions = discussions;
		this.patterns = patterns;
	}

	@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		return new ChosenLanguage(this.languages, this.people);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleResolver resolver = localeResolver();
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String asked = request.getParameter("lang");
				if (asked != null && "GET".equals(request.getMethod())) {
					languages.match(asked).ifPresent((Locale l) -> resolver.setLocale(request, response, l));
				}
				return true;
			}
		});
		// A discussion's pages name its language before anything asks for the page's.
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String[] path = request.getRequestURI().substring(request.getContextPath().length()).split("/");
				if (path.length >= 3) {
					try {
						discussions.useFor(UUID.fromString(path[2]), request);
					}
					catch (IllegalArgumentException notAnId) {
						// a path that names no discussion has no language of its own
					}
				}
				return true;
			}
		}).addPathPatterns("/discussions/*", "/discussions/*/**");
		registry.addInterceptor(new LanguagePicker(this.languages, this.patterns, resolver))
			.excludePathPatterns(NOT_PAGES);
	}

}
