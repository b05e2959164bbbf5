package org.parley.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A sample's {@code expected-outline.json}, read into the domain's outline. */
public final class ExpectedOutline {

	private ExpectedOutline() {
	}

	public static Outline of(String sample) {
		String resource = "/samples/" + sample + "/expected-outline.json";
		try (InputStream in = ExpectedOutline.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No sample outline " + resource);
			}
			JsonNode root = JsonMapper.builder().build().readTree(in);
			List<OutlineSection> sections = new ArrayList<>();
			for (JsonNode unit : root.get("units")) {
				List<Block> blocks = new ArrayList<>();
				for (JsonNode block : unit.get("blocks")) {
					blocks.add(new Block(kind(block.get("kind").asString()), block.get("text").asString()));
				}
				sections.add(new OutlineSection(text(unit.get("label")), text(unit.get("heading")),
						unit.get("level").asInt(), blocks));
			}
			return new Outline(text(root.get("title")), text(root.get("subtitle")), sections);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

	private static BlockKind kind(String kind) {
		return BlockKind.valueOf(kind.toUpperCase().replace('-', '_'));
	}

}
