package org.parley.web.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.parley.domain.discussion.Paragraph;
import org.parley.domain.outline.BlockKind;

/**
 * A paragraph as {@code GET /api/discussions/{id}/sections} shows it (API.md): a
 * {@code TABLE} paragraph whose cells are known also carries {@code rows},
 * {@code headerRows} and, where the source has one, {@code caption}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParagraphView(UUID id, int number, BlockKind kind, String text, List<List<String>> rows,
		Integer headerRows, String caption) {

	static ParagraphView of(Paragraph p) {
		return new ParagraphView(p.id(), p.number(), p.kind(), p.text(), p.rows(), p.headerRows(), p.caption());
	}

	/**
	 * The header rows as the page draws them: a cell repeated across the columns or down
	 * the header rows it spans is drawn once, with its span.
	 */
	@JsonIgnore
	public List<List<HeaderCell>> header() {
		if (this.rows == null || this.headerRows == null || this.headerRows == 0) {
			return List.of();
		}
		int height = this.headerRows;
		int width = this.rows.stream().mapToInt(List::size).max().orElse(0);
		boolean[][] covered = new boolean[height][width];
		List<List<HeaderCell>> header = new ArrayList<>();
		for (int r = 0; r < height; r++) {
			List<String> row = this.rows.get(r);
			List<HeaderCell> cells = new ArrayList<>();
			for (int c = 0; c < row.size(); c++) {
				if (covered[r][c]) {
					continue;
				}
				String text = row.get(c);
				int across = 1;
				while (!text.isEmpty() && c + across < row.size() && !covered[r][c + across]
						&& row.get(c + across).equals(text)) {
					across++;
				}
				int down = 1;
				while (!text.isEmpty() && r + down < height && same(this.rows.get(r + down), c, across, text)) {
					down++;
				}
				for (int i = r; i < r + down; i++) {
					for (int j = c; j < c + across; j++) {
						covered[i][j] = true;
					}
				}
				cells.add(new HeaderCell(text, across, down));
			}
			header.add(cells);
		}
		return header;
	}

	/** The rows below the header rows. */
	@JsonIgnore
	public List<List<String>> body() {
		if (this.rows == null) {
			return List.of();
		}
		int from = (this.headerRows != null) ? this.headerRows : 0;
		return this.rows.subList(from, this.rows.size());
	}

	private static boolean same(List<String> row, int from, int across, String text) {
		if (from + across > row.size()) {
			return false;
		}
		for (int c = from; c < from + across; c++) {
			if (!row.get(c).equals(text)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A header cell with the columns and rows it spans; {@code scope} as HTML wants it on
	 * a th.
	 */
	public record HeaderCell(String text, int columns, int rows) {

		public String scope() {
			return (this.columns > 1) ? "colgroup" : "col";
		}

	}

}
