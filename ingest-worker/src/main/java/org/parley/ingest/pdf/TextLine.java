package org.parley.ingest.pdf;

import java.util.List;

/**
 * The runs on one baseline, left to right.
 */
public record TextLine(List<TextRun> runs) {

	public TextLine {
		runs = List.copyOf(runs);
		if (runs.isEmpty()) {
			throw new IllegalArgumentException("a line has at least one run");
		}
	}

	public float x() {
		return this.runs.get(0).x();
	}

	public float right() {
		return this.runs.get(this.runs.size() - 1).right();
	}

	public float baseline() {
		return dominant().baseline();
	}

	public float fontSize() {
		return dominant().fontSize();
	}

	/** The colour of most of the line's characters. */
	public int colour() {
		return dominant().colour();
	}

	/** Whether all of the line's letters are bold. */
	public boolean bold() {
		for (TextRun run : this.runs) {
			if (!run.bold() && hasLetters(run.text())) {
				return false;
			}
		}
		return true;
	}

	/** Whether all of the line's letters are italic. */
	public boolean italic() {
		for (TextRun run : this.runs) {
			if (!run.italic() && hasLetters(run.text())) {
				return false;
			}
		}
		return true;
	}

	public StructureTag firstTag() {
		return this.runs.get(0).tag();
	}

	public String text() {
		StringBuilder text = new StringBuilder();
		TextRun previous = null;
		for (TextRun run : this.runs) {
			if (previous != null && needsSpace(previous, run, text)) {
				text.append(' ');
			}
			text.append(run.text());
			previous = run;
		}
		return text.toString();
	}

	/** How many figures the line holds ({@link #figures(String)}). */
	public int figures() {
		return figures(text());
	}

	/**
	 * How many figures a text holds: runs of digits, each ended by a space. A line of
	 * three or more reads like a row of a table.
	 */
	public static int figures(String text) {
		int figures = 0;
		boolean inFigure = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isDigit(c)) {
				if (!inFigure) {
					figures++;
				}
				inFigure = true;
			}
			else if (c == ' ') {
				inFigure = false;
			}
		}
		return figures;
	}

	/** The run holding most characters: its size and baseline are the line's. */
	public TextRun dominant() {
		TextRun dominant = this.runs.get(0);
		for (TextRun run : this.runs) {
			if (run.text().length() > dominant.text().length()) {
				dominant = run;
			}
		}
		return dominant;
	}

	private static boolean needsSpace(TextRun previous, TextRun next, CharSequence soFar) {
		if (soFar.length() == 0 || soFar.charAt(soFar.length() - 1) == ' ' || next.text().startsWith(" ")) {
			return false;
		}
		float gap = next.x() - previous.right();
		return gap > 0.15f * Math.min(previous.fontSize(), next.fontSize());
	}

	private static boolean hasLetters(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isLetter(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
