package org.parley.standalone.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A document to import and the outline its import must give, exactly: the discussion's
 * title and its sections in order, each paragraph as {@code KIND: text} as the API shows
 * it.
 */
record Draft(String fileName, byte[] pdf, int pages, String title, List<Section> sections) {

	/**
	 * The 131-page sample of the ingest-worker's tests, with the outline its tests
	 * expect.
	 */
	static Draft sample131Pages() {
		Path sample = ProductionShape.repository().resolve("ingest-worker/src/test/resources/samples/large-131p");
		try {
			JsonNode root = JsonMapper.builder().build().readTree(sample.resolve("expected-outline.json").toFile());
			List<Section> sections = new ArrayList<>();
			for (JsonNode unit : root.get("units")) {
				List<String> paragraphs = new ArrayList<>();
				for (JsonNode block : unit.get("blocks")) {
					paragraphs.add(block.get("kind").asString().toUpperCase(Locale.ROOT).replace('-', '_') + ": "
							+ block.get("text").asString());
				}
				sections.add(new Section(text(unit.get("label")), text(unit.get("heading")), unit.get("level").asInt(),
						paragraphs));
			}
			return new Draft("large-131p.pdf", Files.readAllBytes(sample.resolve("doc.pdf")), 131,
					text(root.get("title")), sections);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

	/**
	 * One expected section: its label and heading as written, its level and its
	 * paragraphs.
	 */
	record Section(String label, String heading, int level, List<String> paragraphs) {
	}

}
