package org.parley.ingest.structure;

/**
 * Whitespace as the outline stores it: single spaces, nothing at either end.
 */
final class Whitespace {

	private Whitespace() {
	}

	static String normalise(CharSequence text) {
		StringBuilder normalised = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				space = normalised.length() > 0;
			}
			else {
				if (space) {
					normalised.append(' ');
					space = false;
				}
				normalised.append(c);
			}
		}
		return normalised.toString();
	}

}
