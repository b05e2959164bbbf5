package org.parley.ingest.docx;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paragraph style names as word processors write them in any language. Word writes its
 * built-in names in English ("heading 1"), but documents from localised LibreOffice,
 * converters and templates carry "Überschrift 1", "Titre 1" or "Título 1", and Word drops
 * the letters outside ASCII from style ids ("berschrift1").
 */
final class WordStyleNames {

	private static final Pattern HEADING = Pattern.compile("^(?:heading|überschrift|berschrift|titre|título|titulo"
			+ "|titolo|kop|nagłówek|nagwek|rubrik|overskrift|otsikko|nadpis|címsor|cmsor|заголовок|başlık|cabeçalho"
			+ "|encabezado)\\s*([1-9])$");

	private static final Pattern CONTENTS = Pattern.compile(
			"^(?:toc|contents|inhaltsverzeichnis|verzeichnis|table des matières|tdm|índice|indice|tdc|sommario|inhoudsopgave)\\s*\\d*(?:\\s*heading)?$");

	private WordStyleNames() {
	}

	/**
	 * @return the heading depth the style name gives, or 0
	 */
	static int headingDepth(String styleName) {
		Matcher heading = HEADING.matcher(lower(styleName));
		return heading.matches() ? Integer.parseInt(heading.group(1)) : 0;
	}

	static boolean isTitle(String styleName) {
		return switch (lower(styleName)) {
			case "title", "titel", "titre", "título", "titulo", "titolo", "tytuł" -> true;
			default -> false;
		};
	}

	static boolean isSubtitle(String styleName) {
		String name = lower(styleName);
		for (String subtitle : new String[] { "subtitle", "untertitel", "sous-titre", "subtítulo", "subtitulo",
				"sottotitolo", "podtytuł" }) {
			if (name.equals(subtitle) || name.endsWith("." + subtitle) || name.endsWith(" " + subtitle)) {
				return true;
			}
		}
		return false;
	}

	/** Entries of a table of contents, which repeat the headings. */
	static boolean isTableOfContents(String styleName) {
		return CONTENTS.matcher(lower(styleName)).matches();
	}

	static boolean isQuote(String styleName) {
		return switch (lower(styleName)) {
			case "quote", "intense quote", "zitat", "citation", "cita", "citazione", "quotations" -> true;
			default -> false;
		};
	}

	/**
	 * Captions of tables and figures: Word's "Caption" in its languages, and the "Table"
	 * caption category LibreOffice writes.
	 */
	static boolean isCaption(String styleName) {
		return switch (lower(styleName)) {
			case "caption", "beschriftung", "légende", "legende", "epígrafe", "didascalia", "bijschrift", "table",
					"tabelle", "tableau", "tabla" ->
				true;
			default -> false;
		};
	}

	private static String lower(String name) {
		return (name != null) ? name.strip().toLowerCase(Locale.ROOT) : "";
	}

}
