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

	/** Where the headings of a table of contents end. */
	record Region(float fontSize, boolean bold) {

		boolean endsAt(TextBlock block) {
			return BodyText.round(block.fontSize()) == BodyText.round(this.fontSize) && block.bold() == this.bold;
		}

	}

}
