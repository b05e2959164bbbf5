package org.parley.ingest.structure;

import java.util.List;

import org.parley.ingest.pdf.StructureTag;

/**
 * Consecutive lines that form one paragraph, list item or heading.
 */
record TextBlock(List<PlacedLine> lines) {

	TextBlock {
		lines = List.copyOf(lines);
	}

	PlacedLine first() {
		return this.lines.get(0);
	}

	int page() {
		return first().page();
	}

	float fontSize() {
		return first().fontSize();
	}

	boolean bold() {
		for (PlacedLine line : this.lines) {
			if (!line.bold()) {
				return false;
			}
		}
		return true;
	}

	int colour() {
		return first().colour();
	}

	boolean italic() {
		for (PlacedLine line : this.lines) {
			if (!line.line().italic()) {
				return false;
			}
		}
		return true;
	}

	StructureTag tag() {
		for (PlacedLine line : this.lines) {
			if (line.tag() != null) {
				return line.tag();
			}
		}
		return null;
	}

	/**
	 * The lines' text joined, without line-break hyphens and with whitespace normalised.
	 */
	String text(LineBreakHyphens hyphens) {
		StringBuilder text = new StringBuilder();
		for (PlacedLine line : this.lines) {
			hyphens.append(text, line.text());
		}
		return Whitespace.normalise(text);
	}

}
