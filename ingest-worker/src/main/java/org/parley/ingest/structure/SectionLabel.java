package org.parley.ingest.structure;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbering at the start of a heading, exactly as written ({@code "2.1."},
 * {@code "Strategic Goal 2:"}, {@code "Article 5"}, {@code "IV."}, {@code "(a)"}), and
 * the family it belongs to. Headings of one family share a level; the family's
 * conventional rank orders families whose typography does not.
 *
 * @param text the label as written, without trailing spaces
 * @param family what kind of numbering it is, e.g. {@code "named:article"},
 * {@code "dotted:2"}
 * @param rank smaller for families that conventionally enclose others
 * @param rest the heading text after the label, or an empty string
 */
record SectionLabel(String text, String family, int rank, String rest) {

	/** Words that number structural units on their own, in roughly enclosing order. */
	private static final String[] STRUCTURAL_WORDS = { "book", "part", "title", "chapter", "subpart", "division",
			"subdivision", "section", "sec", "subsection", "article", "clause", "rule", "regulation", "annex",
			"appendix", "schedule", "buch", "teil", "titel", "kapitel", "abschnitt", "unterabschnitt", "artikel",
			"anlage", "anhang", "livre", "titre", "chapitre", "section", "sous-section", "article", "annexe", "libro",
			"título", "titulo", "capítulo", "capitulo", "sección", "seccion", "artículo", "articulo", "anexo",
			"disposición", "paragraph" };

	/**
	 * The same units in other languages rank as their English names: a French "Titre"
	 * encloses "Chapitre" as a "Title" encloses a "Chapter".
	 */
	private static final Map<String, String> ENGLISH = Map.ofEntries(Map.entry("buch", "book"),
			Map.entry("teil", "part"), Map.entry("titel", "title"), Map.entry("kapitel", "chapter"),
			Map.entry("abschnitt", "section"), Map.entry("unterabschnitt", "subsection"),
			Map.entry("artikel", "article"), Map.entry("anlage", "annex"), Map.entry("anhang", "annex"),
			Map.entry("livre", "book"), Map.entry("titre", "title"), Map.entry("chapitre", "chapter"),
			Map.entry("sous-section", "subsection"), Map.entry("annexe", "annex"), Map.entry("libro", "book"),
			Map.entry("título", "title"), Map.entry("titulo", "title"), Map.entry("capítulo", "chapter"),
			Map.entry("capitulo", "chapter"), Map.entry("sección", "section"), Map.entry("seccion", "section"),
			Map.entry("artículo", "article"), Map.entry("articulo", "article"), Map.entry("anexo", "annex"),
			Map.entry("paragraph", "section"));

	/** Numbered things that are not sections. */
	private static final Set<String> NOT_SECTIONS = Set.of("table", "figure", "fig", "box", "chart", "graph", "map",
			"exhibit", "illustration", "image", "photo", "source", "note", "notes", "page", "version", "step");

	private static final String NUMBER = "(?:\\d{1,4}(?:\\.\\d{1,3})*|[IVXLC]{1,7}|[A-Z])";

	private static final Pattern NAMED = Pattern
		.compile("^((\\p{Lu}[\\p{L}’'-]*(?:\\s+\\p{Lu}[\\p{L}’'-]*){0,2})\\.?\\s+" + "(?:" + NUMBER
				+ "(?:er|ER|re|RE|ère|ÈRE)?|premier|première|primero|erste[rs]?)[°º]?(?:[:.](?=\\s|$)|\\.?\\s*[-–—]|(?=\\s|$)))");

	/**
	 * "§ 3", "§ 3a.", "§§ 3 bis 6": the sign numbers sections in German and other codes.
	 */
	private static final Pattern SECTION_SIGN = Pattern.compile("^(§{1,2}\\s*\\d{1,4}[a-z]?\\.?)(?=\\s|$)");

	private static final Pattern DOTTED = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3})*\\.?)(?=\\s|$)");

	/** "1)", "2)": numbers closed by a bracket, a family of their own. */
	private static final Pattern NUMBER_BRACKET = Pattern.compile("^(\\d{1,3}\\))(?=\\s|$)");

	/**
	 * "G1:", "R2.", "A.1": a letter code before the number, as goals and requirements
	 * have.
	 */
	private static final Pattern CODED = Pattern.compile("^(\\p{Lu}{1,3}\\d{1,3}(?:\\.\\d{1,3})*[:.)])(?=\\s|$)");

	private static final Pattern ROMAN_UPPER = Pattern.compile("^([IVXLC]{1,7}[.)])(?=\\s|$)");

	private static final Pattern ROMAN_LOWER = Pattern.compile("^(\\(?[ivxlc]{1,7}[.)])(?=\\s|$)");

	private static final Pattern LETTER_UPPER = Pattern.compile("^(\\(?[A-Z][.)])(?=\\s|$)");

	private static final Pattern LETTER_LOWER = Pattern.compile("^(\\(?[a-z][.)])(?=\\s|$)");

	private static final Pattern PAREN_NUMBER = Pattern.compile("^(\\(\\d{1,3}\\))(?=\\s|$)");

	private static final Pattern SEPARATOR = Pattern.compile("^[\\s:.–—-]+");

	/**
	 * Reads the label at the start of a heading.
	 * @param heading the heading text, whitespace-normalised
	 * @param anyWords whether any capitalised words before a number count ("Strategic
	 * Goal 2:"), as in text set as a heading; otherwise only structural words such as
	 * "Article" do
	 * @return the label, or null when the heading has none
	 */
	static SectionLabel parse(String heading, boolean anyWords) {
		Matcher named = NAMED.matcher(heading);
		if (named.find()) {
			String words = named.group(2).toLowerCase(Locale.ROOT);
			words = switch (words) {
				case "sec", "sect" -> "section";
				case "art" -> "article";
				case "ch", "chap" -> "chapter";
				default -> words;
			};
			String english = ENGLISH.getOrDefault(words, words);
			int structural = structuralRank(english);
			boolean punctuated = !named.group(1).equals(named.group(1).replaceAll("[:.–—-]$", ""));
			String firstWord = words.split("\\s+")[0];
			// Four digits after ordinary words are a year ("Strategy 2023 – 2028"); after
			// "SEC." they number a bill's sections.
			boolean year = named.group(1).matches(".*\\D\\d{4}\\D*");
			if (structural >= 0 || (anyWords && punctuated && !year && !NOT_SECTIONS.contains(firstWord))) {
				String family = "named:" + words;
				int rank = (structural >= 0) ? 10 + structural * 2 : 25;
				return of(heading, named.group(1), family, rank);
			}
		}
		Matcher sign = SECTION_SIGN.matcher(heading);
		if (sign.find()) {
			return of(heading, sign.group(1), "named:§", 10 + structuralRank("section") * 2);
		}
		Matcher bracket = NUMBER_BRACKET.matcher(heading);
		if (bracket.find()) {
			return of(heading, bracket.group(1), "number-bracket", 49);
		}
		Matcher coded = CODED.matcher(heading);
		if (coded.find() && anyWords) {
			String code = coded.group(1).replaceAll("[\\d.:)]", "");
			int depth = coded.group(1).replaceAll("[:.)]$", "").split("\\.").length;
			return of(heading, coded.group(1), "coded:" + code + ":" + depth, 48 + depth);
		}
		Matcher dotted = DOTTED.matcher(heading);
		if (dotted.find()) {
			String label = dotted.group(1);
			int depth = label.replaceAll("\\.$", "").split("\\.").length;
			// "2023 was a year..." is not numbered: bare numbers count only when set as a
			// heading.
			if (label.contains(".") || anyWords) {
				// "1.0", "2.0" number chapters in some documents ("1.1" under "1.0"), and
				// are siblings of "0.1" in others: a family of its own, which shares the
				// level of the others when it is set like them.
				if (depth > 1 && label.matches("\\d{1,3}(?:\\.\\d{1,3})*\\.0\\.?")) {
					return of(heading, label, "dotted:" + depth + ":0", 49 + 2 * depth);
				}
				return of(heading, label, "dotted:" + depth, 50 + 2 * depth);
			}
		}
		Matcher roman = ROMAN_UPPER.matcher(heading);
		if (roman.find() && !isSingleLetterOtherThanI(roman.group(1))) {
			return of(heading, roman.group(1), "roman", 40);
		}
		Matcher letter = LETTER_UPPER.matcher(heading);
		if (letter.find()) {
			return of(heading, letter.group(1), "letter:" + shape(letter.group(1)), 45);
		}
		Matcher paren = PAREN_NUMBER.matcher(heading);
		if (paren.find()) {
			return of(heading, paren.group(1), "paren-number", 70);
		}
		Matcher lowerRoman = ROMAN_LOWER.matcher(heading);
		if (lowerRoman.find() && !isSingleLetterOtherThanI(lowerRoman.group(1))) {
			return of(heading, lowerRoman.group(1), "roman-lower:" + shape(lowerRoman.group(1)), 80);
		}
		Matcher lowerLetter = LETTER_LOWER.matcher(heading);
		if (lowerLetter.find()) {
			return of(heading, lowerLetter.group(1), "letter-lower:" + shape(lowerLetter.group(1)), 75);
		}
		return null;
	}

	/**
	 * The same label read as a letter rather than a roman numeral: "(i)" after "(h)" is
	 * the ninth letter, not the first numeral.
	 */
	SectionLabel asLetter() {
		if (this.family.equals("roman")) {
			return new SectionLabel(this.text, "letter:" + shape(this.text), 45, this.rest);
		}
		if (this.family.startsWith("roman-lower:")) {
			return new SectionLabel(this.text, "letter-lower:" + shape(this.text), 75, this.rest);
		}
		return this;
	}

	/** The same label read as a roman numeral: "V." after "IV." is five, not a letter. */
	SectionLabel asRoman() {
		if (this.family.startsWith("letter:")) {
			return new SectionLabel(this.text, "roman", 40, this.rest);
		}
		if (this.family.startsWith("letter-lower:")) {
			return new SectionLabel(this.text, "roman-lower:" + shape(this.text), 80, this.rest);
		}
		return this;
	}

	boolean isLetter() {
		return this.family.startsWith("letter:") || this.family.startsWith("letter-lower:");
	}

	boolean isRoman() {
		return this.family.equals("roman") || this.family.startsWith("roman-lower:");
	}

	/** The letter or numeral without brackets and punctuation. */
	String value() {
		return this.text.replaceAll("[().:]", "").strip();
	}

	private static SectionLabel of(String heading, String label, String family, int rank) {
		String rest = SEPARATOR.matcher(heading.substring(label.length())).replaceFirst("");
		String trimmed = label.strip();
		if (trimmed.endsWith("–") || trimmed.endsWith("—") || trimmed.endsWith("-")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
		}
		return new SectionLabel(trimmed, family, rank, rest.strip());
	}

	private static int structuralRank(String words) {
		for (int i = 0; i < STRUCTURAL_WORDS.length; i++) {
			if (words.equals(STRUCTURAL_WORDS[i])) {
				return i;
			}
		}
		return -1;
	}

	/** "A." and "(a)" are different families even with the same letters. */
	private static String shape(String label) {
		return label.replaceAll("[A-Za-z]+", "x");
	}

	/**
	 * Single letters other than I (C, D, L, V, X) are far more often letters than
	 * numerals.
	 */
	private static boolean isSingleLetterOtherThanI(String label) {
		String value = label.replaceAll("[().]", "");
		return value.length() == 1 && !value.equalsIgnoreCase("i");
	}

}
