package org.parley.ingest.docx;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;

import org.parley.ingest.structure.ListNumber;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ooxml.util.POIXMLUnits;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrBase;

/**
 * Word's automatic numbers, counted in document order as Word counts them:
 * <ul>
 * <li>one set of counters per abstract numbering definition, shared by the list instances
 * that use it, so a list continues across instances unless one overrides its start;</li>
 * <li>a list style ({@code numStyleLink}) followed to the definition that holds its
 * levels;</li>
 * <li>a deeper level restarting when a shallower one advances, unless its
 * {@code lvlRestart} says otherwise;</li>
 * <li>a shallower level that was never used drawn as its start value, and counted from
 * there, as Word and LibreOffice draw "1.1" for a first paragraph at the second
 * level;</li>
 * <li>the level text ("%1.%2.") drawn with each level's number format, all in arabic
 * numerals for a legal level ({@code isLgl}), none for a hidden level.</li>
 * </ul>
 */
final class WordNumbering {

	private static final int LEVELS = 9;

	private static final int MAX_LINKS = 8;

	private final XWPFNumbering numbering;

	private final XWPFStyles styles;

	private final Map<BigInteger, Counters> countersByDefinition = new HashMap<>();

	private final Set<BigInteger> startedInstances = new HashSet<>();

	WordNumbering(XWPFNumbering numbering, XWPFStyles styles) {
		this.numbering = numbering;
		this.styles = styles;
	}

	/**
	 * The level of this list instance that names a paragraph style, for a paragraph
	 * numbered through its style without a level of its own.
	 * @return the level, or 0
	 */
	int levelOfStyle(BigInteger numId, String styleId) {
		CTLvl[] levels = levels(numId);
		if (levels != null && styleId != null) {
			for (int i = 0; i < LEVELS; i++) {
				if (levels[i] != null && levels[i].getPStyle() != null
						&& styleId.equals(levels[i].getPStyle().getVal())) {
					return i;
				}
			}
		}
		return 0;
	}

	/** Which counters number this list instance: those of its definition. */
	String definitionKey(BigInteger numId) {
		BigInteger definition = (this.numbering != null) ? definitionOf(numId) : null;
		return (definition != null) ? definition.toString() : "none:" + numId;
	}

	/**
	 * Counts a paragraph numbered by this list instance and level.
	 * @return the number as displayed, without trailing spaces; null for a bullet, an
	 * empty or hidden level text or a numbering that the document does not define
	 */
	String next(BigInteger numId, int level) {
		if (this.numbering == null || numId == null || numId.signum() == 0 || level < 0 || level >= LEVELS) {
			return null;
		}
		BigInteger definitionId = definitionOf(numId);
		CTLvl[] levels = levels(numId);
		if (definitionId == null || levels == null) {
			return null;
		}
		Counters counters = this.countersByDefinition.computeIfAbsent(definitionId, id -> new Counters(levels));
		if (this.startedInstances.add(numId)) {
			for (CTNumLvl override : this.numbering.getNum(numId).getCTNum().getLvlOverrideArray()) {
				if (override.getIlvl() == null) {
					continue;
				}
				int overridden = override.getIlvl().intValue();
				if (overridden < 0 || overridden >= LEVELS) {
					continue;
				}
				if (override.getStartOverride() != null && override.getStartOverride().getVal() != null) {
					counters.restart(overridden, override.getStartOverride().getVal().intValue());
				}
				else if (override.getLvl() != null && override.getLvl().getStart() != null) {
					counters.restart(overridden, start(override.getLvl()));
				}
			}
		}
		counters.count(level, levels);
		CTLvl lvl = levels[level];
		if (lvl == null || "bullet".equals(format(lvl)) || lvl.getLvlText() == null || lvl.getLvlText().getVal() == null
				|| hidden(lvl)) {
			return null;
		}
		boolean legal = lvl.isSetIsLgl() && POIXMLUnits.parseOnOff(lvl.getIsLgl());
		String text = lvl.getLvlText().getVal();
		StringBuilder drawn = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
				int referenced = text.charAt(i + 1) - '1';
				if (referenced >= 0 && referenced <= level) {
					int value = counters.shown(referenced, levels);
					String format = format(levels[referenced]);
					// Legal numbering draws every level in arabic numerals; those already
					// arabic ("01") keep their form.
					drawn.append(number(value, (legal && !format.startsWith("decimal")) ? "decimal" : format));
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

	private BigInteger definitionOf(BigInteger numId) {
		BigInteger definitionId = this.numbering.getAbstractNumID(numId);
		// A list style's definition only points to the style; the style's numbering
		// holds the levels.
		for (int links = 0; definitionId != null && links < MAX_LINKS; links++) {
			XWPFAbstractNum definition = this.numbering.getAbstractNum(definitionId);
			if (definition == null) {
				return null;
			}
			CTAbstractNum ct = definition.getCTAbstractNum();
			if (ct.getNumStyleLink() == null || ct.getNumStyleLink().getVal() == null || this.styles == null) {
				return definitionId;
			}
			XWPFStyle listStyle = this.styles.getStyle(ct.getNumStyleLink().getVal());
			CTPPrBase pPr = (listStyle != null) ? listStyle.getCTStyle().getPPr() : null;
			if (pPr == null || pPr.getNumPr() == null || pPr.getNumPr().getNumId() == null) {
				return definitionId;
			}
			BigInteger linked = this.numbering.getAbstractNumID(pPr.getNumPr().getNumId().getVal());
			if (linked == null || linked.equals(definitionId)) {
				return definitionId;
			}
			definitionId = linked;
		}
		return definitionId;
	}

	/** The definition's levels with this instance's level overrides in place. */
	private CTLvl[] levels(BigInteger numId) {
		if (this.numbering == null || numId == null) {
			return null;
		}
		XWPFNum instance = this.numbering.getNum(numId);
		BigInteger definitionId = definitionOf(numId);
		XWPFAbstractNum definition = (definitionId != null) ? this.numbering.getAbstractNum(definitionId) : null;
		if (instance == null || definition == null) {
			return null;
		}
		CTLvl[] levels = new CTLvl[LEVELS];
		for (CTLvl lvl : definition.getCTAbstractNum().getLvlArray()) {
			int index = (lvl.getIlvl() != null) ? lvl.getIlvl().intValue() : -1;
			if (index >= 0 && index < LEVELS) {
				levels[index] = lvl;
			}
		}
		for (CTNumLvl override : instance.getCTNum().getLvlOverrideArray()) {
			int index = (override.getIlvl() != null) ? override.getIlvl().intValue() : -1;
			if (index >= 0 && index < LEVELS && override.getLvl() != null && override.getLvl().getNumFmt() != null) {
				levels[index] = override.getLvl();
			}
		}
		return levels;
	}

	private static boolean hidden(CTLvl lvl) {
		return lvl.getRPr() != null && lvl.getRPr().sizeOfVanishArray() > 0;
	}

	static int start(CTLvl lvl) {
		return (lvl != null && lvl.getStart() != null && lvl.getStart().getVal() != null)
				? lvl.getStart().getVal().intValue() : 1;
	}

	/** The level after whose use this level restarts (1-based); 0 for never. */
	private static int restartAfter(CTLvl lvl, int level) {
		if (lvl != null && lvl.getLvlRestart() != null && lvl.getLvlRestart().getVal() != null) {
			return lvl.getLvlRestart().getVal().intValue();
		}
		return level;
	}

	private static String format(CTLvl lvl) {
		return (lvl != null && lvl.getNumFmt() != null && lvl.getNumFmt().getVal() != null)
				? lvl.getNumFmt().getVal().toString() : "decimal";
	}

	static String number(int value, String format) {
		return switch (format) {
			case "lowerLetter" -> ListNumber.repeatedLetters(value).toLowerCase(Locale.ROOT);
			case "upperLetter" -> ListNumber.repeatedLetters(value);
			case "lowerRoman" -> ListNumber.roman(value).toLowerCase(Locale.ROOT);
			case "upperRoman" -> ListNumber.roman(value);
			case "decimalZero" -> (value >= 0 && value < 10) ? "0" + value : Integer.toString(value);
			case "decimalEnclosedParen" -> "(" + value + ")";
			case "ordinal" -> ordinal(value);
			case "none" -> "";
			default -> Integer.toString(value);
		};
	}

	private static String ordinal(int value) {
		int lastTwo = Math.abs(value) % 100;
		int last = Math.abs(value) % 10;
		String suffix = (lastTwo >= 11 && lastTwo <= 13) ? "th" : switch (last) {
			case 1 -> "st";
			case 2 -> "nd";
			case 3 -> "rd";
			default -> "th";
		};
		return value + suffix;
	}

	/**
	 * One definition's counters, and which levels have been drawn since they restarted.
	 */
	private static final class Counters {

		private final int[] values = new int[LEVELS];

		private final boolean[] used = new boolean[LEVELS];

		Counters(CTLvl[] levels) {
			for (int i = 0; i < LEVELS; i++) {
				this.values[i] = start(levels[i]) - 1;
			}
		}

		void restart(int level, int start) {
			this.values[level] = start - 1;
			this.used[level] = false;
		}

		void count(int level, CTLvl[] levels) {
			this.values[level]++;
			this.used[level] = true;
			for (int deeper = level + 1; deeper < LEVELS; deeper++) {
				int after = restartAfter(levels[deeper], deeper);
				if (after != 0 && level < after) {
					this.values[deeper] = start(levels[deeper]) - 1;
					this.used[deeper] = false;
				}
			}
		}

		/** A shallower level never drawn shows its start value, and counts on from it. */
		int shown(int level, CTLvl[] levels) {
			if (!this.used[level]) {
				this.values[level] = Math.max(this.values[level] + 1, start(levels[level]));
				this.used[level] = true;
			}
			return this.values[level];
		}

	}

}
