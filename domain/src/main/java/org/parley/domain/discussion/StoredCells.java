package org.parley.domain.discussion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.domain.outline.TableCells;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A table's cells as {@code paragraph.cells} holds them (V20): {@code {"rows": [[…], …],
 * "headerRows": n, "caption": "…"}}.
 */
final class StoredCells {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StoredCells() {
	}

	static String write(TableCells cells) {
		if (cells == null) {
			return null;
		}
		Map<String, Object> stored = new LinkedHashMap<>();
		stored.put("rows", cells.rows());
		stored.put("headerRows", cells.headerRows());
		if (cells.caption() != null) {
			stored.put("caption", cells.caption());
		}
		return JSON.writeValueAsString(stored);
	}

	static TableCells read(String stored) {
		if (stored == null) {
			return null;
		}
		JsonNode tree = JSON.readTree(stored);
		List<List<String>> rows = new ArrayList<>();
		for (JsonNode row : tree.path("rows")) {
			List<String> cells = new ArrayList<>();
			for (JsonNode cell : row) {
				cells.add(cell.asString());
			}
			rows.add(cells);
		}
		JsonNode caption = tree.get("caption");
		return new TableCells(rows, tree.path("headerRows").asInt(0),
				(caption != null && !caption.isNull()) ? caption.asString() : null);
	}

}
