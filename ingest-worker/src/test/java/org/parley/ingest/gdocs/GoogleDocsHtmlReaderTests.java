package org.parley.ingest.gdocs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.outline.TableCells;
import org.parley.ingest.structure.MarkupStructurer;

import static org.assertj.core.api.Assertions.assertThat;

class GoogleDocsHtmlReaderTests {

	@Test
	void autoNumberedHeadingsGetTheNumberTheCssCountersDraw() throws IOException {
		Outline outline = outline("/gdocs/numbered-headings.html");

		assertThat(outline.title()).isEqualTo("Local Climate Charter");
		assertThat(outline.subtitle()).isEqualTo("Draft for consultation");
		assertThat(outline.sections()).containsExactly(
				new OutlineSection("1.", "Purpose", 1,
						List.of(Block.paragraph("This charter sets shared goals & commitments."))),
				new OutlineSection("1.1.", "Scope", 2, List.of()),
				new OutlineSection("1.2.", "Who signs", 2,
						List.of(Block.listItem("(a) the council;"), Block.listItem("(b) local businesses."))),
				new OutlineSection("2.", "Commitments", 1, List.of(Block.listItem("Halve emissions by 2030"))),
				new OutlineSection("2.1.", "Transport", 2,
						List.of(Block.table(
								new TableCells(List.of(List.of("Measure", "By"), List.of("Bus lanes", "2027")), 0)))),
				new OutlineSection("2.2.", "Buildings", 2,
						List.of(Block.paragraph("Retrofit public buildings first."))));
	}

	@Test
	void countersFormatAsCssDoes() {
		assertThat(ListCounters.format(4, "lower-roman")).isEqualTo("iv");
		assertThat(ListCounters.format(28, "upper-latin")).isEqualTo("AB");
		assertThat(ListCounters.format(7, "decimal-leading-zero")).isEqualTo("07");
		assertThat(ListCounters.unescape("\\0025cf   ")).isEqualTo("\u25cf  ");
	}

	private static Outline outline(String resource) throws IOException {
		try (InputStream in = GoogleDocsHtmlReaderTests.class.getResourceAsStream(resource)) {
			String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return new MarkupStructurer().structure(new GoogleDocsHtmlReader().read(html));
		}
	}

}
