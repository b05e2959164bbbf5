package org.parley.invite.mail;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of every kind of mail: one resource bundle per kind next to its templates,
 * {@code mail/<kind>.properties} (English) and {@code mail/<kind>_<lang>.properties},
 * each text a {@link MessageFormat} pattern (a single quote is written ''). A language
 * without a file of its own falls back to English, never to the JVM's default locale.
 */
final class MailTexts {

	private static final String BASE = "mail/";

	private static final ResourceBundle.Control NO_DEFAULT_LOCALE = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private final Map<String, ResourceBundle> bundles = new ConcurrentHashMap<>();

	/** Parsed patterns, per sending thread: a MessageFormat is not safe to share. */
	private final ThreadLocal<Map<String, MessageFormat>> formats = ThreadLocal.withInitial(HashMap::new);

	ResourceBundle bundle(String kind, Locale locale) {
		return this.bundles.computeIfAbsent(kind + "|" + locale.toLanguageTag(),
				(key) -> ResourceBundle.getBundle(BASE + kind, locale, NO_DEFAULT_LOCALE));
	}

	/** The text of the key with its {@code {0}}, {@code {1}}… filled in. */
	String text(String kind, Locale locale, String key, Object... arguments) {
		return this.formats.get()
			.computeIfAbsent(kind + "|" + locale.toLanguageTag() + "|" + key,
					(k) -> new MessageFormat(bundle(kind, locale).getString(key), locale))
			.format(arguments);
	}

	/** The text of the key as written, such as a date pattern. */
	String pattern(String kind, Locale locale, String key) {
		return bundle(kind, locale).getString(key);
	}

	boolean has(String kind, Locale locale, String key) {
		return bundle(kind, locale).containsKey(key);
	}

}
