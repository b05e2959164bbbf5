package org.parley.invite;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.springframework.web.util.HtmlUtils;

/**
 * The localised texts of one kind of mail (a resource bundle in the configured language),
 * with their arguments filled in, and the HTML escaping of everything that goes into a
 * mail's HTML part.
 */
public final class MailTexts {

	private final ResourceBundle bundle;

	private final Locale locale;

	/** The texts parsed once per sending thread: a MessageFormat is not safe to share. */
	private final ThreadLocal<Map<String, MessageFormat>> formats = ThreadLocal.withInitial(HashMap::new);

	public MailTexts(String bundleName, Locale locale) {
		this.bundle = ResourceBundle.getBundle(bundleName, locale);
		this.locale = locale;
	}

	/** The text of the key with its {@code {0}}, {@code {1}}… filled in. */
	public String text(String key, Object... arguments) {
		return this.formats.get()
			.computeIfAbsent(key, (k) -> new MessageFormat(this.bundle.getString(k), this.locale))
			.format(arguments);
	}

	/** The text of the key as written, such as a date pattern. */
	public String pattern(String key) {
		return this.bundle.getString(key);
	}

	public static String escape(String s) {
		return HtmlUtils.htmlEscape(s, "UTF-8");
	}

}
