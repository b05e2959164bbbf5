package org.parley.ingest.structure;

/**
 * How word processors draw a list or heading number that is not a plain decimal, shared
 * by the readers that render a source's own numbering (DOCX, ODT, Google Docs).
 */
public final class ListNumber {

	private static final int[] VALUES = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };

	private static final String[] NUMERALS = { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" };

	private ListNumber() {
	}

	/** Upper-case Roman numerals; outside 1–3999, the decimal number. */
	public static String roman(int value) {
		if (value < 1 || value > 3999) {
			return Integer.toString(value);
		}
		StringBuilder roman = new StringBuilder();
		int rest = value;
		for (int i = 0; i < VALUES.length; i++) {
			while (rest >= VALUES[i]) {
				roman.append(NUMERALS[i]);
				rest -= VALUES[i];
			}
		}
		return roman.toString();
	}

	/**
	 * Upper-case letters as Word and LibreOffice draw them: past Z the letter repeats
	 * (AA, BB, …, AAA); below 1, the decimal number.
	 */
	public static String repeatedLetters(int value) {
		if (value < 1) {
			return Integer.toString(value);
		}
		char letter = (char) ('A' + (value - 1) % 26);
		return String.valueOf(letter).repeat((value - 1) / 26 + 1);
	}

}
