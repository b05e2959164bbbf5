package org.parley.web.language;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A text as its pattern, not yet filled in, for a page's script to fill in: "{0, plural,
 * one {# vote} other {# votes}}" becomes "3 votes" in the browser by the page language's
 * plural rules ({@code Parley.format} in parley.js). Templates ask for it as
 * {@code ${patterns['key']}} ({@link LanguagePicker}).
 */
@Component("messagePatterns")
public class MessagePatterns {

	private final MessageSource messages;

	MessagePatterns(MessageSource messages) {
		this.messages = messages;
	}

	public String of(String key) {
		return of(key, LocaleContextHolder.getLocale());
	}

	public String of(String key, Locale locale) {
		if (this.messages instanceof IcuMessageSource icu) {
			String pattern = icu.pattern(key, locale);
			if (pattern != null) {
				return pattern;
			}
		}
		return this.messages.getMessage(key, null, key, locale);
	}

}
