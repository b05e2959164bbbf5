package org.parley.ingest.docx;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;

/**
 * Word's automatic numbers, counted in document order as Word counts them: one set of
 * counters per abstract numbering definition, a deeper level restarting when a shallower
 * one advances, a list instance with a start override restarting its levels, and the
 * level text ("%1.%2.") drawn with each level's number format.
 */
final class WordNumbering {

	private static final int LEVELS = 9;

	private final XWPFNumbering numbering;

	private final Map<BigInteger, int[]> countersByDefinition = new HashMap<>();

	private final Set<BigInteger> startedInstances = new HashSet<>();

	WordNumbering(XWPFNumbering numbering) {
		this.numbering = numbering;
	}

	/**
	 * Counts a paragraph numbered by this list instance and level.
	 * @return the number as displayed, without trailing spaces; null for a bullet, an
	 * empty level text or a numbering that the document does not define
	 */
	String next(BigInteger numId, int level) {
		if (this.numbering == null || numId == null || numId.signum() == 0 || level < 0 || level >= LEVELS) {
			return null;
		}
		XWPFNum instance = this.numbering.getNum(numId);
		BigInteger definitionId = this.numbering.getAbstractNumID(numId);
		XWPFAbstractNum definition = (definitionId != null) ? this.numbering.getAbstractNum(definitionId) : null;
		if (instance == null || definition == null) {
			return null;
		}
		CTLvl[] levels = levels(definition.getCTAbstractNum());
		int[] counters = this.countersByDefinition.computeIfAbsent(definitionId, id -> {
			int[] initial = new int[LEVELS];
			for (int i = 0; i < LEVELS; i++) {
				initial[i] = start(levels[i]) - 1;
			}
			return initial;
		});
		if (this.startedInstances.add(numId)) {
			for (CTNumLvl override : instance.getCTNum().getLvlOverrideArray()) {
				if (override.getStartOverride() != null && override.getIlvl() != null) {
					int overridden = override.getIlvl().intValue();
					if (overridden >= 0 && overridden < LEVELS) {
						counters[overridden] = override.getStartOverride().getVal().intValue() - 1;
					}
				}
			}
		}
		counters[level]++;
		for (int deeper = level + 1; deeper < LEVELS; deeper++) {
			counters[deeper] = start(levels[deeper]) - 1;
		}
		CTLvl lvl = levels[level];
		if (lvl == null || "bullet".equals(format(lvl)) || lvl.getLvlText() == null
				|| lvl.getLvlText().getVal() == null) {
			return null;
		}
		String text = lvl.getLvlText().getVal();
		StringBuilder drawn = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
				int referenced = text.charAt(i + 1) - '1';
				if (referenced >= 0 && referenced < LEVELS) {
					boolean legal = lvl.isSetIsLgl() && referenced < level;
					drawn.append(number(counters[referenced], legal ? "decimal" : format(levels[referenced])));
				}
				i++;
			}
			else {
				drawn.append(c);
			}
		}
		String label = drawn.toString().strip();
		return label.isEmpty() ? null : label;
	}

	private static CTLvl[] levels(CTAbstractNum definition) {
		CTLvl[] levels = new CTLvl[LEVELS];
		for (CTLvl lvl : definition.getLvlArray()) {
			int index = (lvl.getIlvl() != null) ? lvl.getIlvl().intValue() : -1;
			if (index >= 0 && index < LEVELS) {
				levels[index] = lvl;
			}
		}
		return levels;
	}

	private static int start(CTLvl lvl) {
		return (lvl != null && lvl.getStart() != null && lvl.getStart().getVal() != null)
				? lvl.getStart().getVal().intValue() : 1;
	}

	private static String format(CTLvl lvl) {
		return (lvl != null && lvl.getNumFmt() != null && lvl.getNumFmt().getVal() != null)
				? lvl.getNumFmt().getVal().toString() : "decimal";
	}

	static String number(int value, String format) {
		return switch (format) {
			case "lowerLetter" -> letters(value).toLowerCase(Locale.ROOT);
			case "upperLetter" -> letters(value);
			case "lowerRoman" -> roman(value).toLowerCase(Locale.ROOT);
			case "upperRoman" -> roman(value);
			case "decimalZero" -> (value >= 0 && value < 10) ? "0" + value : Integer.toString(value);
			case "none" -> "";
			default -> Integer.toString(value);
		};
	}

	/** Word repeats the letter past Z: AA, BBB. */
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
