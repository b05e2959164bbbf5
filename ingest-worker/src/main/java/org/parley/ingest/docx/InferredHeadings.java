package org.parley.ingest.docx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.ingest.structure.DocumentPart;
import org.parley.ingest.structure.DocumentPart.Kind;

/**
 * Headings of a Word document that has no heading styles at all (generated files, or a
 * typist's bold lines), found as a reader finds them: the document's body look is the
 * size and weight that most of its text has; a short paragraph that is bold, or larger,
 * where the body is not, is a heading, and so is the bold label a paragraph starts with
 * ("Artículo 1°.- (Objeto) El presente…"). A bare label on a line of its own ("TÍTULO 1")
 * takes the heading line that follows it. Looks rank into levels by size, the larger
 * outside, and a run-in heading inside the standalone ones of its size; the single
 * largest look at the top is the title.
 */
final class InferredHeadings {

	/** A heading is a line or two, not a paragraph set in bold. */
	private static final int MAX_HEADING_CHARS = 160;

	/**
	 * Words that number structural units, in the languages of the drafts Parley takes,
	 * followed by a number, a roman numeral or "premier", then "°" and punctuation.
	 */
	private static final Pattern LABEL = Pattern.compile("^((?:t[íi]tulo|cap[íi]tulo|art[íi]culo|secci[óo]n|parte"
			+ "|libro|anexo|article|chapitre|titre|section|annexe|livre|chapter|part|title|annex|schedule|teil"
			+ "|abschnitt|kapitel|artikel|anhang|buch|§)\\s*(?:\\d+|[ivxlc]+|premier|première|única|único|unico|unica)"
			+ "(?:\\s*[°º])?(?:\\s+(?:transitorio|bis|ter|quater))?(?:\\s*[.:)\\-–—]+)*)(?=\\s|$)",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** Two points, in Word's half-points. */
	private static final int SIBLING_SIZES = 4;

	private InferredHeadings() {
	}

	static List<DocumentPart> of(List<WordParagraph> paragraphs) {
		int body = bodySize(paragraphs);
		boolean boldBody = boldBody(paragraphs);
		List<Candidate> read = new ArrayList<>();
		for (WordParagraph paragraph : paragraphs) {
			read.add(candidate(paragraph, body, boldBody));
		}
		merge(read);
		title(read);
		Map<String, Integer> depths = depths(read);
		List<DocumentPart> parts = new ArrayList<>();
		for (Candidate candidate : read) {
			if (candidate.merged) {
				continue;
			}
			if (candidate.title) {
				parts.add(DocumentPart.title(candidate.heading));
			}
			else if (candidate.key != null) {
				parts.add(DocumentPart.heading(depths.get(candidate.key), candidate.label, candidate.heading));
				if (!candidate.rest.isBlank()) {
					parts.add(DocumentPart.paragraph(candidate.rest));
				}
			}
			else {
				parts.add(candidate.paragraph.part());
			}
		}
		return parts;
	}

	/** The size that most characters of body-like paragraphs have. */
	private static int bodySize(List<WordParagraph> paragraphs) {
		Map<Integer, Integer> characters = new HashMap<>();
		for (WordParagraph paragraph : paragraphs) {
			if (paragraph.look() != null && paragraph.part().kind() == Kind.PARAGRAPH) {
				characters.merge(paragraph.look().size(), paragraph.part().text().length(), Integer::sum);
			}
		}
		return characters.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
	}

	private static boolean boldBody(List<WordParagraph> paragraphs) {
		long bold = 0;
		long all = 0;
		for (WordParagraph paragraph : paragraphs) {
			if (paragraph.look() != null && paragraph.part().kind() == Kind.PARAGRAPH) {
				int length = paragraph.part().text().length();
				all += length;
				bold += paragraph.look().bold() ? length : 0;
			}
		}
		return all > 0 && bold * 2 > all;
	}

	private static Candidate candidate(WordParagraph paragraph, int body, boolean boldBody) {
		Candidate candidate = new Candidate(paragraph);
		WordParagraph.Look look = paragraph.look();
		String text = paragraph.part().text().strip();
		if (look == null || paragraph.part().kind() != Kind.PARAGRAPH || text.isEmpty()) {
			return candidate;
		}
		boolean standsOut = (look.bold() && !boldBody) || (body > 0 && look.size() > body);
		if (standsOut && text.length() <= MAX_HEADING_CHARS && look.size() >= body) {
			Matcher label = LABEL.matcher(text);
			if (label.find()) {
				candidate.label = trimLabel(label.group(1));
				candidate.heading = text.substring(label.end()).strip();
			}
			else {
				candidate.heading = text;
			}
			candidate.key = "line:" + look.size() + ":" + (isCapitals(text) ? "caps" : "")
					+ ((candidate.label != null) ? ":labelled" : "");
			candidate.size = look.size();
			return candidate;
		}
		String prefix = look.boldPrefix().strip();
		Matcher label = LABEL.matcher(prefix);
		if (!boldBody && !look.bold() && !prefix.isEmpty() && label.find()) {
			candidate.label = trimLabel(label.group(1));
			candidate.heading = prefix.substring(label.end()).strip();
			candidate.rest = text.substring(Math.min(text.length(), text.indexOf(prefix) + prefix.length())).strip();
			candidate.key = "run-in:" + look.size();
			candidate.size = look.size();
		}
		return candidate;
	}

	private static String trimLabel(String label) {
		return label.strip();
	}

	/** "TÍTULO 1" alone, then "DISPOSICIONES GENERALES": one heading. */
	private static void merge(List<Candidate> read) {
		for (int i = 0; i + 1 < read.size(); i++) {
			Candidate bare = read.get(i);
			Candidate next = read.get(i + 1);
			if (bare.key != null && bare.key.startsWith("line:") && bare.label != null && bare.heading.isEmpty()
					&& next.key != null && next.key.startsWith("line:") && next.label == null) {
				bare.heading = next.heading;
				next.merged = true;
			}
		}
	}

	/**
	 * The one largest heading before any labelled heading is the title; headings above it
	 * are front matter (the issuing body's name) and read as paragraphs.
	 */
	private static void title(List<Candidate> read) {
		int largest = 0;
		int count = 0;
		int at = -1;
		for (int i = 0; i < read.size(); i++) {
			Candidate candidate = read.get(i);
			if (candidate.key == null || candidate.merged) {
				continue;
			}
			if (candidate.size > largest) {
				largest = candidate.size;
				count = 1;
				at = i;
			}
			else if (candidate.size == largest) {
				count++;
			}
		}
		if (count != 1 || read.get(at).label != null) {
			return;
		}
		for (int i = 0; i < at; i++) {
			if (read.get(i).label != null) {
				return;
			}
		}
		read.get(at).title = true;
		read.get(at).key = null;
		for (int i = 0; i < at; i++) {
			read.get(i).key = null;
		}
	}

	private static Map<String, Integer> depths(List<Candidate> read) {
		List<Candidate> keyed = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		for (Candidate candidate : read) {
			if (candidate.key != null && !candidate.merged && !seen.contains(candidate.key)) {
				seen.add(candidate.key);
				keyed.add(candidate);
			}
		}
		keyed.sort(Comparator.comparingInt((Candidate c) -> -c.size)
			.thenComparing(c -> c.key.startsWith("run-in:"))
			.thenComparing(c -> !c.key.endsWith(":labelled"))
			.thenComparing(c -> !c.key.contains(":caps")));
		// An unlabelled heading a little smaller than a labelled one is its sibling:
		// "VISTOS:" beside "TÍTULO 1".
		Map<String, Integer> depths = new HashMap<>();
		int next = 1;
		for (Candidate candidate : keyed) {
			Integer sibling = null;
			if (candidate.key.startsWith("line:") && !candidate.key.endsWith(":labelled")) {
				for (Candidate labelled : keyed) {
					if (labelled.key.endsWith(":labelled") && depths.containsKey(labelled.key)
							&& labelled.size >= candidate.size && labelled.size - candidate.size <= SIBLING_SIZES) {
						sibling = depths.get(labelled.key);
					}
				}
			}
			if (sibling != null) {
				depths.put(candidate.key, sibling);
			}
			else {
				depths.put(candidate.key, next++);
			}
		}
		return depths;
	}

	private static boolean isCapitals(String text) {
		boolean letters = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLetter(c)) {
				letters = true;
				if (Character.isLowerCase(c)) {
					return false;
				}
			}
		}
		return letters && text.equals(text.toUpperCase(Locale.ROOT));
	}

	private static final class Candidate {

		final WordParagraph paragraph;

		String key;

		int size;

		String label;

		String heading = "";

		String rest = "";

		boolean merged;

		boolean title;

		Candidate(WordParagraph paragraph) {
			this.paragraph = paragraph;
		}

	}

}
