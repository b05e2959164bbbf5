package org.parley.web.language;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The message bundles read as ICU message formats, so that a text says "1 vote" and "2
 * votes" by the plural rules of its language ({@code {0, plural, one {# vote} other {#
 * votes}}}) and writes numbers as its readers do ("1.234" in German). A single apostrophe
 * is just an apostrophe, as ICU reads it.
 */
@Component(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
class IcuMessageSource extends ResourceBundleMessageSource {

	private final Map<Locale, Map<String, MessageFormat>> formats = new ConcurrentHashMap<>();

	IcuMessageSource() {
		setBasename("messages");
		setDefaultEncoding("UTF-8");
		setFallbackToSystemLocale(false);
		setDefaultLocale(Languages.DEFAULT);
	}

	@Override
	protected String getMessageInternal(String code, Object[] args, Locale locale) {
		if (code == null) {
			return null;
		}
		Locale language = (locale != null) ? locale : Languages.DEFAULT;
		String pattern = resolveCodeWithoutArguments(code, language);
		if (pattern == null) {
			return null;
		}
		return format(pattern, (args != null) ? resolveArguments(args, language) : new Object[0], language);
	}

	/**
	 * A default text comes filled in already (the English of a problem): it is shown as
	 * it is, never read as a pattern.
	 */
	@Override
	protected String renderDefaultMessage(String defaultMessage, Object[] args, Locale locale) {
		return defaultMessage;
	}

	/** The text of a key as the bundle holds it, unformatted. */
	String pattern(String code, Locale locale) {
		return resolveCodeWithoutArguments(code, (locale != null) ? locale : Languages.DEFAULT);
	}

	String format(String pattern, Object[] args, Locale language) {
		if (args.length == 0 && pattern.indexOf('\'') < 0 && pattern.indexOf('{') < 0) {
			return pattern;
		}
		MessageFormat format = this.formats.computeIfAbsent(language, l -> new ConcurrentHashMap<>())
			.computeIfAbsent(pattern, p -> new MessageFormat(p, ULocale.forLocale(language)));
		synchronized (format) {
			return format.format(args);
		}
	}

}
