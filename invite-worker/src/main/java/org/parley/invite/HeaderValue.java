package org.parley.invite;

/**
 * Text from users (names, discussion titles, section headings) on its way into a mail header.
 * Jakarta Mail writes an ASCII subject or name as given, line breaks included, so a title
 * ending in {@code "\r\nBcc: someone@example.org"} would add a recipient. Every line break and
 * control character becomes a space before the text reaches a header.
 */
public final class HeaderValue {

	private HeaderValue() {
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
