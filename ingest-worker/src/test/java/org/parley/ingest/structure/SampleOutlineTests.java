package org.parley.ingest.structure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.ingest.pdf.PageProgress;
import org.parley.ingest.pdf.PdfTextExtractor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class SampleOutlineTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "ogp-draft-strategy/doc-office.pdf, ogp-draft-strategy/expected-outline.json",
			"ogp-draft-strategy/doc-chromium.pdf, ogp-draft-strategy/expected-outline.json",
			"ogp-draft-strategy/doc-chromium-flat.pdf, ogp-draft-strategy/expected-outline.json",
			"ogp-draft-strategy/doc-chromium-two-columns.pdf, ogp-draft-strategy/expected-outline.json",
			"large-131p/doc.pdf, large-131p/expected-outline.json" })
	void structuresSampleExactlyAsExpected(String pdf, String expected) {
		Outline outline = new DocumentStructurer()
			.structure(new PdfTextExtractor(2000).extract(SAMPLES.resolve(pdf), PageProgress.NONE));

		JsonNode json = JsonMapper.builder().build().readTree(SAMPLES.resolve(expected).toFile());
		assertThat(outline.title()).as("title").isEqualTo(textOrNull(json.get("title")));
		assertThat(outline.subtitle()).as("subtitle").isEqualTo(textOrNull(json.get("subtitle")));
		List<OutlineSection> expectedSections = sections(json.get("units"));
		for (int i = 0; i < Math.min(expectedSections.size(), outline.sections().size()); i++) {
			assertSameSection(i + 1, outline.sections().get(i), expectedSections.get(i));
		}
		assertThat(outline.sections()).as("number of units").hasSameSizeAs(expectedSections);
	}

	private static void assertSameSection(int number, OutlineSection actual, OutlineSection expected) {
		String unit = "unit " + number + " (" + expected.label() + " " + expected.heading() + ")";
		assertThat(actual.label()).as(unit + " label").isEqualTo(expected.label());
		assertThat(actual.heading()).as(unit + " heading").isEqualTo(expected.heading());
		assertThat(actual.level()).as(unit + " level").isEqualTo(expected.level());
		for (int j = 0; j < Math.min(actual.blocks().size(), expected.blocks().size()); j++) {
			Block got = actual.blocks().get(j);
			Block want = expected.blocks().get(j);
			if (!got.equals(want)) {
				fail("%s, block %d differs:%n expected %s: %s%n   actual %s: %s", unit, j + 1, want.kind(), want.text(),
						got.kind(), got.text());
			}
		}
		assertThat(actual.blocks()).as(unit + " number of blocks").hasSameSizeAs(expected.blocks());
	}

	private static List<OutlineSection> sections(JsonNode units) {
		List<OutlineSection> sections = new ArrayList<>();
		for (JsonNode unit : units) {
			List<Block> blocks = new ArrayList<>();
			for (JsonNode block : unit.get("blocks")) {
				BlockKind kind = switch (block.get("kind").asString()) {
					case "paragraph" -> BlockKind.PARAGRAPH;
					case "list-item" -> BlockKind.LIST_ITEM;
					default -> throw new IllegalArgumentException(block.get("kind").asString());
				};
				blocks.add(new Block(kind, block.get("text").asString()));
			}
			sections.add(new OutlineSection(textOrNull(unit.get("label")), textOrNull(unit.get("heading")),
					unit.get("level").asInt(), blocks));
		}
		return sections;
	}

	private static String textOrNull(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

}
