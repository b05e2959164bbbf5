package org.parley.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@code expected-outline.json} (a sample's or a corpus document's), read into the
 * domain's outline.
 */
public final class ExpectedOutline {

	private ExpectedOutline() {
	}

	public static Outline of(String sample) {
		String resource = "/samples/" + sample + "/expected-outline.json";
		try (InputStream in = ExpectedOutline.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No sample outline " + resource);
			}
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Outline of(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The cells recorded for the tables of an expected outline: every {@code table} block
	 * that carries {@code rows} (and optionally {@code headerRows}, 0 when absent), in
	 * document order. Tables recorded with their text only are left out.
	 */
	public static List<ExpectedTable> tables(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			JsonNode root = JsonMapper.builder().build().readTree(in);
			List<ExpectedTable> tables = new ArrayList<>();
			int unitIndex = 0;
			for (JsonNode unit : root.get("units")) {
				int blockIndex = 0;
				for (JsonNode block : unit.get("blocks")) {
					JsonNode rows = block.get("rows");
					if (rows != null && !rows.isNull()) {
						List<List<String>> cells = new ArrayList<>();
						for (JsonNode row : rows) {
							List<String> line = new ArrayList<>();
							for (JsonNode cell : row) {
								line.add(cell.asString());
							}
							cells.add(List.copyOf(line));
						}
						JsonNode headerRows = block.get("headerRows");
						tables.add(new ExpectedTable(unitIndex, blockIndex, kind(block.get("kind").asString()),
								block.get("text").asString(), List.copyOf(cells),
								(headerRows == null || headerRows.isNull()) ? 0 : headerRows.asInt()));
					}
					blockIndex++;
				}
				unitIndex++;
			}
			return tables;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Outline read(InputStream in) {
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

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

	private static BlockKind kind(String kind) {
		return BlockKind.valueOf(kind.toUpperCase().replace('-', '_'));
	}

}
