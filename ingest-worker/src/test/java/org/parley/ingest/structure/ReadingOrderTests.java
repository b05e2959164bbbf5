package org.parley.ingest.structure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.ingest.pdf.ExtractedPage;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingOrderTests {

	@Test
	void readsSingleColumnTopToBottom() {
		ExtractedPage page = PageFixture.parse("""
				page 1 right 540
				56 100 11 f | First line of the page
				56 114 11 f | Second line of the page
				56 128 11 | Third
				""").pages().get(0);

		assertThat(ReadingOrder.arrange(page)).extracting(PlacedLine::text)
			.containsExactly("First line of the page", "Second line of the page", "Third");
	}

	@Test
	void readsLeftColumnBeforeRightAndKeepsSpanningLinesInPlace() {
		ExtractedPage page = PageFixture.parse("""
				page 1 right 540
				150 60 20 | A title running across both columns
				56 100 10 r280 | left one
				300 100 10 | right one
				56 114 10 r280 | left two
				300 114 10 | right two
				56 128 10 r280 | left three
				300 128 10 | right three
				""").pages().get(0);

		List<PlacedLine> lines = ReadingOrder.arrange(page);

		assertThat(lines).extracting(PlacedLine::text)
			.containsExactly("A title running across both columns", "left one", "left two", "left three", "right one",
					"right two", "right three");
		assertThat(lines).extracting(PlacedLine::opensColumn)
			.containsExactly(true, true, false, false, true, false, false);
	}

	@Test
	void findsNoGutterOnAPageOfFullLines() {
		ExtractedPage page = PageFixture.parse("""
				page 1 right 540
				56 100 11 f | one
				56 114 11 f | two
				56 128 11 f | three
				56 142 11 f | four
				56 156 11 f | five
				56 170 11 f | six
				""").pages().get(0);

		assertThat(ReadingOrder.gutter(page.lines(), page.width())).isNull();
	}

}
