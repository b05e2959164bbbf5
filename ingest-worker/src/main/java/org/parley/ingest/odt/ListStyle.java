package org.parley.ingest.odt;

import java.util.Locale;

/**
 * One list or outline style's levels: how each draws its number ({@code num-format},
 * prefix, suffix, how many levels it shows) and where it starts.
 */
final class ListStyle {

	static final int LEVELS = 10;

	private final Level[] levels = new Level[LEVELS];

	void level(int level, Level definition) {
		if (level >= 1 && level <= LEVELS) {
			this.levels[level - 1] = definition;
		}
	}

	/** The level's definition, 1-based; a bullet when the style does not define it. */
	Level level(int level) {
		Level defined = (level >= 1 && level <= LEVELS) ? this.levels[level - 1] : null;
		return (defined != null) ? defined : Level.BULLET;
	}

	/**
	 * @param numbered false for a bullet or an image
	 * @param format ODF's {@code style:num-format}: "1", "a", "A", "i", "I", or empty for
	 * none
	 */
	record Level(boolean numbered, String format, String prefix, String suffix, int displayLevels, int start) {

		static final Level BULLET = new Level(false, "", "", "", 1, 1);

		/** The number drawn at this level for a counter value. */
		String draw(int value) {
			return switch (this.format) {
				case "" -> "";
				case "a" -> letters(value).toLowerCase(Locale.ROOT);
				case "A" -> letters(value);
				case "i" -> roman(value).toLowerCase(Locale.ROOT);
				case "I" -> roman(value);
				default -> Integer.toString(value);
			};
		}

		/** LibreOffice repeats the letter past z: aa, bb. */
		private static String letters(int value) {
			if (value < 1) {
				return Integer.toString(value);
			}
			char letter = (char) ('A' + (value - 1) % 26);
			return String.valueOf(letter).repeat((value - 1) / 26 + 1);
		}

		private static String roman(int value) {
			if (value < 1 || value > 3999) {
				return Integer.toString(value);
			}
			int[] values = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
			String[] numerals = { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" };
			StringBuilder roman = new StringBuilder();
			int rest = value;
			for (int i = 0; i < values.length; i++) {
				while (rest >= values[i]) {
					roman.append(numerals[i]);
					rest -= values[i];
				}
			}
			return roman.toString();
		}

	}

}
