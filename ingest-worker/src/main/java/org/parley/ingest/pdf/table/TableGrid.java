package org.parley.ingest.pdf.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.parley.ingest.pdf.Ruling;
import org.parley.ingest.pdf.Word;

/**
 * Turns the words of a table's region into rows of cells, given where its columns part
 * (rules or gaps) and, for a ruled table, where its bands of rows part. Within a band,
 * each line of text starts a row unless it goes on with the row above: a line with
 * nothing in the first column whose cells the row above has too (a wrapped cell), or a
 * line starting in lower case under a row of its own columns. A word that crosses a
 * column edge makes its cell span the columns it covers, and so does a ruled cell whose
 * inner rule is missing; the spanning text is repeated in every column it covers.
 */
final class TableGrid {

	/** Words closer than this fraction of the font size belong to one line. */
	private static final float SAME_LINE = 0.45f;

	/** Dot leaders running from a stub to its figures. */
	private static final Pattern LEADER = Pattern.compile("\\s*(?:\\.\\s*){4,}$");

	/** Words closer than this fraction of the font size are one phrase. */
	private static final float PHRASE_GAP = 0.45f;

	private final float[] columns;

	private final float[] bands;

	/** For each band and inner column edge, whether the band's cells span across it. */
	private final boolean[][] openEdges;

	/** Whether each band is one row, however many lines its cells hold (ruled rows). */
	private final boolean bandsAreRows;

	TableGrid(float[] columns, float[] bands, boolean[][] openEdges, boolean bandsAreRows) {
		this.columns = columns;
		this.bands = bands;
		this.openEdges = openEdges;
		this.bandsAreRows = bandsAreRows;
	}

	/** A grid of columns only, one band from top to bottom: a table without rules. */
	static TableGrid unruled(float[] columns, float top, float bottom) {
		return new TableGrid(columns, new float[] { top, bottom }, new boolean[1][columns.length - 2], false);
	}

	int columnCount() {
		return this.columns.length - 1;
	}

	/**
	 * The rows of cells the words make, without rows that stay empty and without columns
	 * no row uses; null when fewer than two rows or two columns are left.
	 */
	Cells rows(List<Word> words) {
		List<Row> rows = new ArrayList<>();
		for (int band = 0; band + 1 < this.bands.length; band++) {
			List<Word> inBand = new ArrayList<>();
			for (Word word : words) {
				float centre = word.centre();
				if (centre >= this.bands[band] && centre < this.bands[band + 1]) {
					inBand.add(word);
				}
			}
			rows.addAll(bandRows(band, inBand));
		}
		return withoutEmptyColumns(rows);
	}

	private List<Row> bandRows(int band, List<Word> words) {
		List<List<Word>> lines = lines(words);
		List<Row> rows = new ArrayList<>();
		List<StringBuilder[]> building = new ArrayList<>();
		List<boolean[]> spans = new ArrayList<>();
		List<float[]> extents = new ArrayList<>();
		boolean[] previousColumns = null;
		boolean previousStubOnly = false;
		StringBuilder[] row = null;
		boolean[] open = null;
		float[] extent = null;
		for (List<Word> line : lines) {
			boolean[] lineOpen = this.openEdges[band].clone();
			StringBuilder[] cells = cells(line, lineOpen);
			boolean[] used = used(cells);
			boolean continues = row != null
					&& (this.bandsAreRows || goesOn(cells, used, previousColumns, previousStubOnly));
			Word first = line.get(0);
			if (continues) {
				for (int column = 0; column < cells.length; column++) {
					append(row[column], cells[column]);
				}
				for (int edge = 0; edge < open.length; edge++) {
					open[edge] |= lineOpen[edge];
				}
				extent[1] = first.baseline();
			}
			else {
				row = cells;
				open = lineOpen;
				extent = new float[] { first.baseline() - first.size(), first.baseline() };
				building.add(row);
				spans.add(open);
				extents.add(extent);
			}
			previousColumns = used(row);
			previousStubOnly = stubOnly(used);
		}
		for (int i = 0; i < building.size(); i++) {
			rows.add(new Row(spread(building.get(i), spans.get(i)), extents.get(i)[0], extents.get(i)[1]));
		}
		return rows;
	}

	private static boolean goesOn(StringBuilder[] cells, boolean[] used, boolean[] previous, boolean previousStubOnly) {
		if (previous == null) {
			return false;
		}
		boolean subset = true;
		for (int column = 0; column < used.length; column++) {
			if (used[column] && !previous[column]) {
				subset = false;
			}
		}
		int count = 0;
		for (boolean column : used) {
			count += column ? 1 : 0;
		}
		if (!used[0] && subset && previous[0] && 2 * count <= used.length) {
			return true;
		}
		return startsInLowerCase(firstText(cells)) && 2 * count <= used.length && (subset || previousStubOnly);
	}

	private static String firstText(StringBuilder[] cells) {
		for (StringBuilder cell : cells) {
			if (!cell.isEmpty()) {
				return cell.toString();
			}
		}
		return "";
	}

	private static boolean stubOnly(boolean[] used) {
		if (!used[0]) {
			return false;
		}
		for (int column = 1; column < used.length; column++) {
			if (used[column]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The line's text in each column. Words close together form a phrase; a phrase with a
	 * word across a column edge (a heading over several columns) stays whole, in the
	 * column it starts in, spanning those it reaches. Otherwise each word goes to its own
	 * column, as figures set close together do.
	 */
	private StringBuilder[] cells(List<Word> line, boolean[] open) {
		int count = columnCount();
		StringBuilder[] cells = new StringBuilder[count];
		for (int i = 0; i < count; i++) {
			cells[i] = new StringBuilder();
		}
		int start = 0;
		while (start < line.size()) {
			int end = start + 1;
			while (end < line.size()
					&& line.get(end).x() - line.get(end - 1).right() <= PHRASE_GAP * line.get(end).size()) {
				end++;
			}
			List<Word> phrase = line.subList(start, end);
			boolean crosses = false;
			for (Word word : phrase) {
				crosses |= crossesEdge(word);
			}
			if (crosses) {
				int column = column(phrase.get(0));
				if (column >= 0) {
					StringBuilder text = new StringBuilder();
					for (Word word : phrase) {
						text.append(text.isEmpty() ? "" : " ").append(word.text());
					}
					put(cells, column, text);
					int last = column(phrase.get(phrase.size() - 1).right() - 0.5f);
					for (int edge = column; edge < last && edge < open.length; edge++) {
						open[edge] = true;
					}
				}
			}
			else {
				for (Word word : phrase) {
					int column = column(word);
					if (column >= 0) {
						put(cells, column, word.text());
					}
				}
			}
			start = end;
		}
		return cells;
	}

	private static void put(StringBuilder[] cells, int column, CharSequence text) {
		if (!cells[column].isEmpty()) {
			cells[column].append(' ');
		}
		cells[column].append(text);
	}

	private boolean crossesEdge(Word word) {
		for (int edge = 1; edge + 1 < this.columns.length; edge++) {
			if (word.x() < this.columns[edge] - 1f && word.right() > this.columns[edge] + 1f) {
				return true;
			}
		}
		return false;
	}

	private int column(Word word) {
		// A word belongs to the column holding its first letters, and a number to the
		// one holding most of it.
		float probe = Math.min(word.middle(), word.x() + 3f);
		return column(probe);
	}

	private int column(float x) {
		for (int i = 0; i + 1 < this.columns.length; i++) {
			if (x >= this.columns[i] && x < this.columns[i + 1]) {
				return i;
			}
		}
		return -1;
	}

	/** The row's cells, a spanning cell's text repeated over the columns it covers. */
	private static List<String> spread(StringBuilder[] cells, boolean[] open) {
		String[] row = new String[cells.length];
		for (int column = 0; column < cells.length; column++) {
			row[column] = LEADER.matcher(cells[column]).replaceAll("").strip();
		}
		for (int edge = 0; edge < open.length; edge++) {
			if (open[edge] && row[edge + 1].isEmpty()) {
				row[edge + 1] = row[edge];
			}
		}
		return Arrays.asList(row);
	}

	private static void append(StringBuilder cell, StringBuilder more) {
		if (more.isEmpty()) {
			return;
		}
		if (!cell.isEmpty() && !(cell.charAt(cell.length() - 1) == '-' && startsInLowerCase(more.toString()))) {
			cell.append(' ');
		}
		cell.append(more);
	}

	private static boolean[] used(StringBuilder[] cells) {
		boolean[] used = new boolean[cells.length];
		for (int i = 0; i < cells.length; i++) {
			used[i] = !cells[i].isEmpty();
		}
		return used;
	}

	static boolean startsInLowerCase(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				return Character.isLowerCase(c);
			}
		}
		return false;
	}

	/** The words grouped into lines by baseline, each line left to right. */
	static List<List<Word>> lines(List<Word> words) {
		List<Word> sorted = new ArrayList<>(words);
		sorted.sort((a, b) -> Float.compare(a.baseline(), b.baseline()));
		List<List<Word>> lines = new ArrayList<>();
		List<Word> line = new ArrayList<>();
		float reference = Float.NaN;
		for (Word word : sorted) {
			if (!line.isEmpty() && word.baseline() - reference > SAME_LINE * word.size()) {
				lines.add(line);
				line = new ArrayList<>();
			}
			if (line.isEmpty()) {
				reference = word.baseline();
			}
			line.add(word);
		}
		if (!line.isEmpty()) {
			lines.add(line);
		}
		for (List<Word> each : lines) {
			each.sort((a, b) -> Float.compare(a.x(), b.x()));
		}
		return lines;
	}

	private static Cells withoutEmptyColumns(List<Row> all) {
		List<List<String>> kept = new ArrayList<>();
		List<Float> tops = new ArrayList<>();
		List<Float> baselines = new ArrayList<>();
		for (Row row : all) {
			if (row.cells().stream().anyMatch(cell -> !cell.isEmpty())) {
				kept.add(row.cells());
				tops.add(row.top());
				baselines.add(row.baseline());
			}
		}
		if (kept.isEmpty()) {
			return null;
		}
		int width = kept.get(0).size();
		boolean[] used = new boolean[width];
		for (List<String> row : kept) {
			for (int column = 0; column < width; column++) {
				used[column] |= !row.get(column).isEmpty();
			}
		}
		List<List<String>> result = new ArrayList<>();
		for (List<String> row : kept) {
			List<String> cells = new ArrayList<>();
			for (int column = 0; column < width; column++) {
				if (used[column]) {
					cells.add(row.get(column));
				}
			}
			result.add(cells);
		}
		if (result.size() < 2 || result.get(0).size() < 2) {
			return null;
		}
		return new Cells(result, tops, baselines);
	}

	private record Row(List<String> cells, float top, float baseline) {
	}

	/**
	 * The rows of a table and where each starts and ends.
	 *
	 * @param rows the cells row by row
	 * @param tops the top of each row's first line
	 * @param baselines the baseline of each row's last line
	 */
	record Cells(List<List<String>> rows, List<Float> tops, List<Float> baselines) {

		int headerRows(List<Ruling> rules, float left, float right) {
			return TableGrid.headerRows(this.rows, this.tops, rules, left, right);
		}

	}

	/**
	 * How many of the first rows are header rows: those above the first rule across the
	 * table below its first row, when there is one near the top; otherwise the rows
	 * before the first one with a figure outside the first column, when figures follow;
	 * otherwise the first row.
	 */
	static int headerRows(List<List<String>> rows, List<Float> rowTops, List<Ruling> rules, float left, float right) {
		int limit = Math.min(4, rows.size() - 1);
		int firstRuled = 0;
		for (int row = 1; row <= limit && row < rowTops.size(); row++) {
			float above = rowTops.get(row - 1);
			float below = rowTops.get(row);
			for (Ruling rule : rules) {
				if (rule.horizontal() && rule.position() > above + 2 && rule.position() < below + 1
						&& rule.end() - rule.start() >= 0.8f * (right - left)) {
					if (firstRuled == 0) {
						firstRuled = row;
					}
					if (hasFigure(rows.get(row)) || (row + 1 < rows.size() && hasFigure(rows.get(row + 1)))) {
						return row;
					}
				}
			}
		}
		if (firstRuled > 0) {
			return firstRuled;
		}
		int header = 0;
		while (header < rows.size() && !hasFigure(rows.get(header))) {
			header++;
		}
		if (header >= 1 && header <= 3 && header < rows.size()) {
			return header;
		}
		return 1;
	}

	private static boolean hasFigure(List<String> row) {
		for (int column = 1; column < row.size(); column++) {
			String cell = row.get(column);
			if (!cell.isEmpty() && Character.isDigit(cell.charAt(0)) || cell.matches("[$(—–-]?[\\d.,]+.*")) {
				return true;
			}
		}
		return false;
	}

}
