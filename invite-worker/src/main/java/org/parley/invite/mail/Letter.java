package org.parley.invite.mail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;

/**
 * What one mail says, before it is written: the kind names its texts
 * ({@code mail/<kind>.properties}), the template its two parts
 * ({@code mail/<template>.txt}, {@code mail/<template>.html}; the kind's own name unless
 * a kind has several); the variables fill them.
 *
 * @param subjectKey the key of the subject in the kind's texts
 * @param unsubscribe the one-click unsubscribe link (RFC 8058), or null
 * @param headers further headers, such as {@code In-Reply-To}
 */
public record Letter(String kind, String template, Locale locale, MailFrom from, InternetAddress to, String messageId,
		Instant date, String subjectKey, List<Object> subjectArguments, Map<String, Object> variables,
		String unsubscribe, Map<String, String> headers) {

	public static Builder of(String kind, Locale locale) {
		return new Builder(kind, locale);
	}

	/** The lines of a text, for a template that quotes or breaks them. */
	public static List<String> lines(String text) {
		return (text == null) ? List.of() : List.of(text.strip().replace("\r\n", "\n").split("\n", -1));
	}

	public static final class Builder {

		private final String kind;

		private final Locale locale;

		private String template;

		private MailFrom from;

		private InternetAddress to;

		private String messageId;

		private Instant date;

		private String subjectKey = "subject";

		private List<Object> subjectArguments = List.of();

		private final Map<String, Object> variables = new LinkedHashMap<>();

		private String unsubscribe;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private Builder(String kind, Locale locale) {
			this.kind = kind;
			this.locale = locale;
		}

		public Builder template(String template) {
			this.template = template;
			return this;
		}

		public Builder from(MailFrom from) {
			this.from = from;
			return this;
		}

		public Builder to(InternetAddress to) {
			this.to = to;
			return this;
		}

		public Builder messageId(String messageId) {
			this.messageId = messageId;
			return this;
		}

		public Builder date(Instant date) {
			this.date = date;
			return this;
		}

		public Builder subject(String key, Object... arguments) {
			this.subjectKey = key;
			this.subjectArguments = java.util.Arrays.asList(arguments);
			return this;
		}

		/**
		 * A template variable; a null value is left out, so that {@code th:if} skips it.
		 */
		public Builder with(String name, Object value) {
			if (value != null) {
				this.variables.put(name, value);
			}
			return this;
		}

		public Builder unsubscribe(String link) {
			this.unsubscribe = link;
			return this;
		}

		public Builder header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		public Letter build() {
			return new Letter(this.kind, (this.template != null) ? this.template : this.kind, this.locale, this.from,
					this.to, this.messageId, this.date, this.subjectKey, this.subjectArguments,
					Map.copyOf(this.variables), this.unsubscribe, Map.copyOf(this.headers));
		}

	}

}
