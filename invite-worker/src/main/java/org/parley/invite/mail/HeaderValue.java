package org.parley.invite.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Values on their way into a mail header: dates, and text from users (names, discussion
 * titles, section headings). Jakarta Mail writes an ASCII subject or name as given, line
 * breaks included, so a title ending in {@code "\r\nBcc: someone@example.org"} would add
 * a recipient. Every line break and control character becomes a space before the text
 * reaches a header.
 */
public final class HeaderValue {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
			Locale.ENGLISH);

	private HeaderValue() {
	}

	/**
	 * The Date header's value (RFC 5322), formatted without
	 * {@code MimeMessage.setSentDate}'s one formatter, which every sending thread of the
	 * process waits for in turn.
	 */
	public static String date(Instant instant) {
		return DATE.format(instant.atOffset(ZoneOffset.UTC));
	}

	public static String oneLine(String value) {
		if (value == null) {
			return null;
		}
		StringBuilder line = new StringBuilder(value.length());
		boolean space = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean breaking = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
			if (breaking || c == ' ') {
				if (!space) {
					line.append(' ');
				}
				space = true;
			}
			else {
				line.append(c);
				space = false;
			}
		}
		return line.toString().strip();
	}

}
