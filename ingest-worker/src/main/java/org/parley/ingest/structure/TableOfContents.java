package org.parley.ingest.structure;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises a table of contents so that its entries are not taken for the headings they
 * list. It starts at a heading such as "Contents", "Inhalt" or "Table des matières" and
 * runs to the next heading set in the same type as that heading; entries ending in a page
 * number after dot leaders are contents lines wherever they are.
 */
final class TableOfContents {

	private static final Set<String> TITLES = Set.of("contents", "table of contents", "inhalt", "inhaltsverzeichnis",
			"inhaltsübersicht", "sommaire", "table des matières", "table des matieres", "índice", "indice", "contenido",
			"contenidos", "tabla de contenido", "indice general", "índice general");

	/** "Introduction ........ 3", "2.1 Scope . . . 14", "Scope 14" after a tab. */
	private static final Pattern LEADERED = Pattern.compile(".*(?:\\.\\s?){4,}\\s*\\d{1,4}\\s*$|.*…+\\s*\\d{1,4}\\s*$");

	private TableOfContents() {
	}

	static boolean isTitle(String headingText) {
		String text = headingText.toLowerCase(Locale.ROOT).replaceAll("[\\s:.]+$", "").strip();
		SectionLabel label = SectionLabel.parse(headingText, true);
		if (label != null) {
			text = label.rest().toLowerCase(Locale.ROOT).replaceAll("[\\s:.]+$", "").strip();
		}
		return TITLES.contains(text);
	}

	static boolean isLeaderedEntry(String text) {
		return LEADERED.matcher(text).matches();
	}

	/**
	 * The entries after a contents heading: they end at the first block that neither ends
	 * in a page number nor is set like the first entry.
	 */
	static final class Region {

		private static final Pattern PAGE_NUMBER_AT_END = Pattern.compile(".*\\S\\s+\\d{1,4}$");

		private Float entrySize;

		private boolean entryBold;

		boolean holds(TextBlock block, String text) {
			if (this.entrySize == null) {
				this.entrySize = BodyText.round(block.fontSize());
				this.entryBold = block.bold();
				return true;
			}
			if (isLeaderedEntry(text) || PAGE_NUMBER_AT_END.matcher(text).matches()) {
				return true;
			}
			return BodyText.round(block.fontSize()) == this.entrySize && block.bold() == this.entryBold;
		}

	}

}
