package org.parley.ingest.pdf;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineBuilderTests {

	@Test
	void groupsGlyphsByBaselineWhateverTheDrawingOrder() {
		List<Glyph> glyphs = new ArrayList<>();
		glyphs.addAll(word("second", 72, 114));
		glyphs.addAll(word("first", 72, 100));

		assertThat(LineBuilder.lines(glyphs)).extracting(TextLine::text).containsExactly("first", "second");
	}

	@Test
	void keepsSuperscriptOnItsLine() {
		List<Glyph> glyphs = new ArrayList<>(word("note", 72, 100));
		glyphs.add(new Glyph("1", 72 + 4 * 5.5f, 96, 3, 7, 1.75f, false, false, null));

		assertThat(LineBuilder.lines(glyphs)).extracting(TextLine::text).containsExactly("note1");
	}

	@Test
	void separatesWordsAtGapsAndRunsAtStyleChanges() {
		List<Glyph> glyphs = new ArrayList<>(word("Scope:", 72, 100));
		glyphs.addAll(word("this", 72 + 7 * 5.5f, 100));
		List<Glyph> bold = word("Act", 72 + 12 * 5.5f, 100).stream()
			.map((glyph) -> new Glyph(glyph.text(), glyph.x(), glyph.baseline(), glyph.width(), glyph.size(),
					glyph.spaceWidth(), true, false, null))
			.toList();
		glyphs.addAll(bold);

		TextLine line = LineBuilder.lines(glyphs).get(0);

		assertThat(line.text()).isEqualTo("Scope: this Act");
		assertThat(line.runs()).extracting(TextRun::bold).containsExactly(false, true);
	}

	@Test
	void dropsOverprintedCopyAndCountsItAsBold() {
		List<Glyph> glyphs = new ArrayList<>(word("Goal", 72, 100));
		glyphs.addAll(word("Goal", 72.3f, 100));

		TextLine line = LineBuilder.lines(glyphs).get(0);

		assertThat(line.text()).isEqualTo("Goal");
		assertThat(line.bold()).isTrue();
	}

	@Test
	void expandsLigatures() {
		List<Glyph> glyphs = List.of(new Glyph("\uFB01", 72, 100, 6, 11, 2.75f, false, false, null),
				new Glyph("t", 78, 100, 3, 11, 2.75f, false, false, null));

		assertThat(LineBuilder.lines(glyphs)).extracting(TextLine::text).containsExactly("fit");
	}

	@Test
	void closesUpLetterSpacedWordsAndKeepsTheWiderGapsBetweenThem() {
		List<Glyph> glyphs = new ArrayList<>();
		float x = 72;
		for (char letter : "SUMMARY".toCharArray()) {
			glyphs.add(new Glyph(String.valueOf(letter), x, 100, 6, 11, 2.75f, false, false, null));
			x += 6 + 3;
		}
		x += 5;
		for (char letter : "OF".toCharArray()) {
			glyphs.add(new Glyph(String.valueOf(letter), x, 100, 6, 11, 2.75f, false, false, null));
			x += 6 + 3;
		}

		assertThat(LineBuilder.lines(glyphs)).extracting(TextLine::text).containsExactly("SUMMARY OF");
	}

	@Test
	void leavesOrdinaryWordGapsAlone() {
		List<Glyph> glyphs = new ArrayList<>(word("a", 72, 100));
		glyphs.addAll(word("plan", 72 + 5.5f + 3, 100));
		glyphs.addAll(word("is", 72 + 6 * 5.5f + 6, 100));

		assertThat(LineBuilder.lines(glyphs)).extracting(TextLine::text).containsExactly("a plan is");
	}

	private static List<Glyph> word(String word, float x, float baseline) {
		List<Glyph> glyphs = new ArrayList<>();
		for (int i = 0; i < word.length(); i++) {
			glyphs.add(new Glyph(String.valueOf(word.charAt(i)), x + i * 5.5f, baseline, 5.5f, 11, 2.75f, false, false,
					null));
		}
		return glyphs;
	}

}
