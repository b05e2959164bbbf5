package org.parley.web.system;

/**
 * Text from anyone, made safe for a spreadsheet. A cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a line break is a formula to Excel and
 * LibreOffice ({@code =cmd|' /C calc'!A0}). In CSV such a cell gets a leading single
 * quote, as OWASP advises, and every cell is quoted, so the value is shown, never run; an
 * XLSX cell keeps the text as written and is marked quote-prefixed, which is the same
 * quote as the spreadsheet's own.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	/** One quoted CSV cell, defused if a spreadsheet would take it for a formula. */
	public static String csvCell(String value) {
		if (value == null) {
			return "\"\"";
		}
		String safe = isFormula(value) ? "'" + value : value;
		return '"' + safe.replace("\"", "\"\"") + '"';
	}

	/** Whether a spreadsheet would take this text for a formula. */
	public static boolean isFormula(String value) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				|| first == '\n';
	}

}
