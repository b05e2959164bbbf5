package org.parley.ingest.pdf.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.parley.ingest.pdf.Ruling;
import org.parley.ingest.pdf.TextLine;
import org.parley.ingest.pdf.TextRun;
import org.parley.ingest.pdf.Word;

/**
 * Tables without vertical rules, found by the alignment of their text: a run of three or
 * more consecutive lines that each hold separate cells (text apart by more than a word
 * gap, one of them short), allowing a few lines between them that go on with a cell. The
 * columns are the gaps that the widest rows of the run leave free all the way down; a
 * header cell spanning two columns does not close a gap, as it sits in a narrower row.
 */
final class Stream {

	/** A gap this many font sizes wide parts two cells. */
	private static final float CELL_GAP = 0.5f;

	/** Lines between rows that carry on a wrapped cell. */
	private static final int MAX_CONTINUATIONS = 3;

	private static final int MIN_ROWS = 3;

	/** Bullets, list numbers and letters, section and article numbers. */
	private static final Pattern MARKER = Pattern.compile(
			"[\\p{So}\\p{Co}\\p{Cc}\\p{Pd}§•◦▪■□●○·*!>o-]|\\(?[0-9]{1,3}[.)]|\\(?[ivxlcIVXLC]{1,6}[.)]|\\(?[a-zA-Z][.)]|[0-9]+(\\.[0-9]+)+\\.?|"
					+ "(§|Art\\.|Artikel|Article|Art[ií]culo|Section|Sec\\.|SEC\\.)\\s*[0-9]+[a-z]?\\.?");

	private Stream() {
	}

	static List<DetectedTable> tables(int page, List<TextLine> lines, List<Word> words, List<Ruling> rulings,
			List<DetectedTable> ruled) {
		List<DetectedTable> tables = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			if (!rowLike(lines.get(i)) || insideAny(lines.get(i), ruled)) {
				i++;
				continue;
			}
			int last = i;
			int rows = 1;
			int j = i + 1;
			int between = 0;
			while (j < lines.size() && !insideAny(lines.get(j), ruled)) {
				TextLine line = lines.get(j);
				float gap = line.baseline() - lines.get(j - 1).baseline();
				if (gap > 2.6f * Math.max(line.fontSize(), lines.get(j - 1).fontSize())) {
					break;
				}
				if (rowLike(line)) {
					rows++;
					last = j;
					between = 0;
				}
				else if (++between > MAX_CONTINUATIONS || !withinColumns(line, lines.subList(i, last + 1))) {
					break;
				}
				j++;
			}
			if (rows >= MIN_ROWS) {
				DetectedTable table = table(page, lines.subList(i, last + 1), words, rulings);
				if (table != null) {
					tables.add(table);
					i = last + 1;
					continue;
				}
			}
			i = (rows >= MIN_ROWS) ? i + 1 : last + 1;
		}
		return tables;
	}

	private static DetectedTable table(int page, List<TextLine> region, List<Word> words, List<Ruling> rulings) {
		float left = Float.MAX_VALUE;
		float right = -Float.MAX_VALUE;
		for (TextLine line : region) {
			left = Math.min(left, line.x());
			right = Math.max(right, line.right());
		}
		TextLine first = region.get(0);
		TextLine lastLine = region.get(region.size() - 1);
		float size = first.fontSize();
		float top = first.baseline() - 1.1f * size;
		float bottom = lastLine.baseline() + 0.4f * lastLine.fontSize();
		// A rule across the table just above or below it is its top or bottom rule: the
		// group headings between the top rule and the first row belong to the table, and
		// the notes below the bottom rule do not.
		List<Ruling> across = across(rulings, left, right);
		Ruling above = null;
		Ruling below = null;
		Ruling lowest = null;
		for (Ruling rule : across) {
			float y = rule.position();
			if (y <= top + 0.5f * size && top - y <= 5 * size && (above == null || y < above.position())) {
				above = rule;
			}
			if (y >= bottom - 0.3f * size && y - bottom <= 1.5f * size && (below == null || y < below.position())) {
				below = rule;
			}
			if (y > top + 2 * size && y < bottom - 0.3f * size && (lowest == null || y > lowest.position())) {
				lowest = rule;
			}
		}
		if (above != null) {
			top = Math.min(top, above.position());
			left = Math.min(left, above.x1());
			right = Math.max(right, above.x2());
		}
		if (below != null) {
			bottom = below.position();
		}
		else if (lowest != null && notesOnly(words, lowest.position(), bottom, left, right)) {
			bottom = lowest.position();
		}
		List<Word> inside = new ArrayList<>();
		for (Word word : words) {
			if (word.baseline() > top && word.baseline() <= bottom + 0.1f && word.right() > left - 1
					&& word.x() < right + 1) {
				inside.add(word);
			}
		}
		float[] columns = columns(inside, left, right);
		if (columns == null) {
			return null;
		}
		TableGrid.Cells cells = TableGrid.unruled(columns, top, bottom + 1).rows(inside);
		if (cells == null || prose(cells.rows()) || listLike(cells.rows())) {
			return null;
		}
		return new DetectedTable(page, left, top, right, bottom, cells.rows(), cells.headerRows(rulings, left, right));
	}

	/** The horizontal rules that run across most of the width from left to right. */
	private static List<Ruling> across(List<Ruling> rulings, float left, float right) {
		List<Ruling> across = new ArrayList<>();
		float width = right - left;
		for (Ruling rule : rulings) {
			if (rule.horizontal() && rule.x1() <= left + 0.1f * width && rule.x2() >= right - 0.1f * width) {
				across.add(rule);
			}
		}
		return across;
	}

	/**
	 * Whether the words between two heights hold no row of figures: notes under a rule.
	 */
	private static boolean notesOnly(List<Word> words, float from, float to, float left, float right) {
		int lines = 0;
		for (List<Word> line : TableGrid.lines(words.stream()
			.filter(word -> word.baseline() > from && word.baseline() <= to + 0.1f && word.x() < right
					&& word.right() > left)
			.toList())) {
			lines++;
			int figures = 0;
			for (Word word : line) {
				figures += (TextLine.figures(word.text()) > 0) ? 1 : 0;
			}
			if (figures >= 2) {
				return false;
			}
		}
		return lines <= 3;
	}

	/**
	 * A two-column "table" whose first column holds only bullets, list numbers or section
	 * signs is a list with hanging indents; one with dot leaders is a table of contents.
	 */
	static boolean listLike(List<List<String>> rows) {
		int markers = 0;
		int filled = 0;
		for (List<String> row : rows) {
			for (String cell : row) {
				if (row.size() <= 3 && (cell.contains("....") || cell.contains(". . . ."))) {
					return true;
				}
			}
			String stub = row.get(0);
			if (!stub.isEmpty() && !row.stream().allMatch(stub::equals)) {
				filled++;
				if (MARKER.matcher(stub).matches()) {
					markers++;
				}
			}
		}
		return rows.get(0).size() <= 3 && filled > 0 && markers * 2 > filled;
	}

	/**
	 * The column edges: the gaps free of words in every row that has at least as many
	 * cells as most rows have.
	 */
	static float[] columns(List<Word> words, float left, float right) {
		List<List<Word>> lines = TableGrid.lines(words);
		List<List<float[]>> clusters = new ArrayList<>();
		Map<Integer, Integer> counts = new HashMap<>();
		for (List<Word> line : lines) {
			List<float[]> cells = clusters(line);
			clusters.add(cells);
			if (cells.size() >= 2) {
				counts.merge(cells.size(), 1, Integer::sum);
			}
		}
		int mode = 0;
		int seen = 0;
		for (Map.Entry<Integer, Integer> count : counts.entrySet()) {
			if (count.getValue() > seen || (count.getValue() == seen && count.getKey() > mode)) {
				mode = count.getKey();
				seen = count.getValue();
			}
		}
		if (mode < 2) {
			return null;
		}
		int width = (int) Math.ceil(right - left) + 2;
		if (width <= 0 || width > 20_000) {
			return null;
		}
		boolean[] covered = new boolean[width];
		for (List<float[]> cells : clusters) {
			if (cells.size() >= mode) {
				for (float[] cell : cells) {
					int from = Math.max(0, (int) Math.floor(cell[0] - left));
					int to = Math.min(width, (int) Math.ceil(cell[1] - left));
					for (int x = from; x < to; x++) {
						covered[x] = true;
					}
				}
			}
		}
		List<Float> edges = new ArrayList<>();
		edges.add(left - 1);
		int start = -1;
		for (int x = 0; x < width; x++) {
			if (!covered[x] && start < 0) {
				start = x;
			}
			else if (covered[x] && start >= 0) {
				if (start > 0) {
					edges.add(left + (start + x) / 2f);
				}
				start = -1;
			}
		}
		edges.add(right + 1);
		if (edges.size() < 3) {
			return null;
		}
		float[] array = new float[edges.size()];
		for (int i = 0; i < array.length; i++) {
			array[i] = edges.get(i);
		}
		return array;
	}

	/** A line's words grouped into cells at gaps wider than a word gap. */
	private static List<float[]> clusters(List<Word> line) {
		List<float[]> cells = new ArrayList<>();
		float[] cell = null;
		for (Word word : line) {
			if (cell != null && word.x() - cell[1] <= CELL_GAP * word.size()) {
				cell[1] = Math.max(cell[1], word.right());
			}
			else {
				cell = new float[] { word.x(), word.right() };
				cells.add(cell);
			}
		}
		return cells;
	}

	/**
	 * A line of separate cells: runs apart, or several figures, and not two or more runs
	 * of running text side by side (the columns of a two-column page).
	 */
	static boolean rowLike(TextLine line) {
		List<TextRun> runs = line.runs();
		int long_ = 0;
		for (TextRun run : runs) {
			if (words(run.text()) >= 5) {
				long_++;
			}
		}
		if (runs.size() >= 2) {
			return long_ < 2 && long_ < runs.size();
		}
		return line.figures() >= 3 && long_ == 0;
	}

	/**
	 * A line that goes on with a cell, or a heading over some columns, sits within the
	 * region and leaves most of its width free; a line of running text does not.
	 */
	private static boolean withinColumns(TextLine line, List<TextLine> region) {
		float left = Float.MAX_VALUE;
		float right = -Float.MAX_VALUE;
		for (TextLine row : region) {
			left = Math.min(left, row.x());
			right = Math.max(right, row.right());
		}
		return line.right() <= right + 2 * line.fontSize()
				&& (line.right() - line.x() <= 0.6f * (right - left) || words(line.text()) <= 6);
	}

	/**
	 * Columns of running text side by side (a two- or three-column page) look like a
	 * table of text cells: a table without rules has at most half of its columns, and
	 * fewer than two, holding phrases rather than figures, codes or names.
	 */
	static boolean prose(List<List<String>> rows) {
		int columns = rows.get(0).size();
		int textual = 0;
		for (int column = 0; column < columns; column++) {
			int wordsInColumn = 0;
			int cells = 0;
			for (List<String> row : rows) {
				String cell = row.get(column);
				if (!cell.isEmpty() && !(column > 0 && cell.equals(row.get(column - 1)))) {
					wordsInColumn += words(cell);
					cells++;
				}
			}
			if (cells > 0 && wordsInColumn >= 3.5f * cells) {
				textual++;
			}
		}
		return textual >= 2 && 2 * textual >= columns;
	}

	private static boolean insideAny(TextLine line, List<DetectedTable> tables) {
		for (DetectedTable table : tables) {
			if (line.baseline() >= table.top() && line.baseline() <= table.bottom() + 1 && line.x() < table.right()
					&& line.right() > table.left()) {
				return true;
			}
		}
		return false;
	}

	static int words(String text) {
		String trimmed = text.strip();
		return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
	}

}
