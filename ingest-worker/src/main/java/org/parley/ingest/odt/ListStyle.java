package org.parley.ingest.odt;

import java.util.Locale;

import org.parley.ingest.structure.ListNumber;

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
				case "a" -> ListNumber.repeatedLetters(value).toLowerCase(Locale.ROOT);
				case "A" -> ListNumber.repeatedLetters(value);
				case "i" -> ListNumber.roman(value).toLowerCase(Locale.ROOT);
				case "I" -> ListNumber.roman(value);
				default -> Integer.toString(value);
			};
		}
	}

}
