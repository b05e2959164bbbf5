package org.parley.ingest.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.outline.TableCells;
import org.parley.ingest.ExpectedTable;

/**
 * How well an import recovered a document's tables (issue 14), as three figures between 0
 * and 1. An expected table and an imported one are the same table when their texts share
 * at least half of their words (word F1 ≥ 0.5), paired best first.
 * <ul>
 * <li>{@code tables}: detection F1, the paired tables against all expected and all
 * imported tables (a table found on a page that has none costs precision).</li>
 * <li>{@code cells}: F1 of the cells as (row, column, text), over the expected tables
 * that record their cells and the tables paired with them, plus every unpaired imported
 * table's cells; a cell is right only with its text at its place.</li>
 * <li>{@code teds}: a tree-edit-distance similarity over the cells, the mean over those
 * tables (an unpaired one scores 0). The tree is the table, its header and its body,
 * their rows and their cells, as in TEDS (Zhong et al., 2020); the distance aligns header
 * rows with header rows and body rows with body rows, a row costing one plus its cells to
 * add or drop, a cell one, and a cell's text its normalised Levenshtein distance; the
 * score is one minus the distance over the larger tree's node count.</li>
 * </ul>
 * A spanning cell counts once: on both sides, a cell repeating the cell to its left or
 * above it is read as covered, as the corpus writes it. Documents with no tables expected
 * and none found score 1.
 */
record TableScore(double tables, double cells, double teds) {

	static final TableScore NONE = new TableScore(1, 1, 1);

	static TableScore of(Outline expected, List<ExpectedTable> expectedCells, Outline actual) {
		List<Table> wanted = tables(expected);
		for (ExpectedTable table : expectedCells) {
			int index = indexOf(expected, table.unit(), table.block());
			if (index >= 0) {
				wanted.get(index).cells = new TableCells(table.rows(), table.headerRows());
			}
		}
		List<Table> found = tables(actual);
		if (wanted.isEmpty() && found.isEmpty()) {
			return NONE;
		}
		int[] pairOf = pair(wanted, found);
		int paired = 0;
		boolean[] foundPaired = new boolean[found.size()];
		for (int i = 0; i < pairOf.length; i++) {
			if (pairOf[i] >= 0) {
				paired++;
				foundPaired[pairOf[i]] = true;
			}
		}
		double detection = 2.0 * paired / (wanted.size() + found.size());

		List<String> expectedCellKeys = new ArrayList<>();
		List<String> actualCellKeys = new ArrayList<>();
		List<Double> teds = new ArrayList<>();
		for (int i = 0; i < wanted.size(); i++) {
			TableCells cells = wanted.get(i).cells;
			if (cells == null) {
				continue;
			}
			List<List<String>> expectedRows = collapsed(cells.rows());
			addKeys(expectedCellKeys, "t" + i, expectedRows);
			if (pairOf[i] >= 0 && found.get(pairOf[i]).cells != null) {
				TableCells got = found.get(pairOf[i]).cells;
				List<List<String>> actualRows = collapsed(got.rows());
				addKeys(actualCellKeys, "t" + i, actualRows);
				teds.add(teds(expectedRows, cells.headerRows(), actualRows, got.headerRows()));
			}
			else {
				teds.add(0.0);
			}
		}
		for (int j = 0; j < found.size(); j++) {
			if (!foundPaired[j]) {
				if (found.get(j).cells != null) {
					addKeys(actualCellKeys, "spurious" + j, collapsed(found.get(j).cells.rows()));
				}
				teds.add(0.0);
			}
		}
		double cellF1 = StructureScore.f1(expectedCellKeys, actualCellKeys);
		double tedsMean = teds.isEmpty() ? 1 : teds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		return new TableScore(detection, cellF1, tedsMean);
	}

	private static List<Table> tables(Outline outline) {
		List<Table> tables = new ArrayList<>();
		for (OutlineSection section : outline.sections()) {
			for (Block block : section.blocks()) {
				if (block.kind() == BlockKind.TABLE) {
					Table table = new Table(block.text());
					table.cells = block.cells();
					tables.add(table);
				}
			}
		}
		return tables;
	}

	/** The position among the outline's table blocks of the block at (unit, block). */
	private static int indexOf(Outline outline, int unit, int block) {
		int index = 0;
		for (int u = 0; u < outline.sections().size(); u++) {
			List<Block> blocks = outline.sections().get(u).blocks();
			for (int b = 0; b < blocks.size(); b++) {
				if (blocks.get(b).kind() == BlockKind.TABLE) {
					if (u == unit && b == block) {
						return index;
					}
					index++;
				}
			}
		}
		return -1;
	}

	/** For each wanted table the found table paired with it, or -1. */
	private static int[] pair(List<Table> wanted, List<Table> found) {
		record Candidate(int wanted, int found, double similarity) {
		}
		List<Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < wanted.size(); i++) {
			for (int j = 0; j < found.size(); j++) {
				double similarity = StructureScore.f1(words(wanted.get(i).text), words(found.get(j).text));
				if (similarity >= 0.5) {
					candidates.add(new Candidate(i, j, similarity));
				}
			}
		}
		candidates.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
		int[] pairOf = new int[wanted.size()];
		java.util.Arrays.fill(pairOf, -1);
		boolean[] taken = new boolean[found.size()];
		for (Candidate candidate : candidates) {
			if (pairOf[candidate.wanted()] < 0 && !taken[candidate.found()]) {
				pairOf[candidate.wanted()] = candidate.found();
				taken[candidate.found()] = true;
			}
		}
		return pairOf;
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String word : text.strip().split("\\s+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	/**
	 * The rows with whitespace normalised and a cell repeating its left or upper
	 * neighbour blanked, so that a spanning cell counts once however it is written.
	 */
	static List<List<String>> collapsed(List<List<String>> rows) {
		List<List<String>> result = new ArrayList<>();
		for (int r = 0; r < rows.size(); r++) {
			List<String> row = new ArrayList<>();
			for (int c = 0; c < rows.get(r).size(); c++) {
				String cell = normalise(rows.get(r).get(c));
				boolean repeatsLeft = c > 0 && normalise(rows.get(r).get(c - 1)).equals(cell);
				boolean repeatsAbove = r > 0 && c < rows.get(r - 1).size()
						&& normalise(rows.get(r - 1).get(c)).equals(cell);
				row.add((!cell.isEmpty() && (repeatsLeft || repeatsAbove)) ? "" : cell);
			}
			result.add(row);
		}
		return result;
	}

	private static String normalise(String text) {
		return text.replaceAll("[\\s\\p{Z}]+", " ").strip();
	}

	private static void addKeys(List<String> keys, String table, List<List<String>> rows) {
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < rows.get(r).size(); c++) {
				String cell = rows.get(r).get(c);
				if (!cell.isEmpty()) {
					keys.add(table + "\u0000" + r + "\u0000" + c + "\u0000" + cell);
				}
			}
		}
	}

	static double teds(List<List<String>> expected, int expectedHeader, List<List<String>> actual, int actualHeader) {
		int header = Math.min(expectedHeader, expected.size());
		int got = Math.min(actualHeader, actual.size());
		double distance = rowsDistance(expected.subList(0, header), actual.subList(0, got))
				+ rowsDistance(expected.subList(header, expected.size()), actual.subList(got, actual.size()));
		double nodes = Math.max(nodes(expected), nodes(actual));
		return Math.max(0, 1 - distance / nodes);
	}

	private static int nodes(List<List<String>> rows) {
		int nodes = 3;
		for (List<String> row : rows) {
			nodes += 1 + row.size();
		}
		return nodes;
	}

	private static double rowsDistance(List<List<String>> a, List<List<String>> b) {
		double[][] d = new double[a.size() + 1][b.size() + 1];
		for (int i = 1; i <= a.size(); i++) {
			d[i][0] = d[i - 1][0] + 1 + a.get(i - 1).size();
		}
		for (int j = 1; j <= b.size(); j++) {
			d[0][j] = d[0][j - 1] + 1 + b.get(j - 1).size();
		}
		Map<String, Double> texts = new HashMap<>();
		for (int i = 1; i <= a.size(); i++) {
			for (int j = 1; j <= b.size(); j++) {
				double substitute = d[i - 1][j - 1] + cellsDistance(a.get(i - 1), b.get(j - 1), texts);
				double delete = d[i - 1][j] + 1 + a.get(i - 1).size();
				double insert = d[i][j - 1] + 1 + b.get(j - 1).size();
				d[i][j] = Math.min(substitute, Math.min(delete, insert));
			}
		}
		return d[a.size()][b.size()];
	}

	private static double cellsDistance(List<String> a, List<String> b, Map<String, Double> texts) {
		double[][] d = new double[a.size() + 1][b.size() + 1];
		for (int i = 1; i <= a.size(); i++) {
			d[i][0] = i;
		}
		for (int j = 1; j <= b.size(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.size(); i++) {
			for (int j = 1; j <= b.size(); j++) {
				String x = a.get(i - 1);
				String y = b.get(j - 1);
				double relabel = x.equals(y) ? 0 : texts.computeIfAbsent(x + "\u0000" + y,
						key -> levenshtein(x, y) / (double) Math.max(x.length(), y.length()));
				d[i][j] = Math.min(d[i - 1][j - 1] + relabel, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
			}
		}
		return d[a.size()][b.size()];
	}

	static int levenshtein(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(previous[j - 1] + cost, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static final class Table {

		private final String text;

		private TableCells cells;

		private Table(String text) {
			this.text = text;
		}

	}

}
