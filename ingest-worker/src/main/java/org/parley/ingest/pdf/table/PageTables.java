package org.parley.ingest.pdf.table;

import java.util.ArrayList;
import java.util.List;

import org.parley.ingest.pdf.ExtractedPage;
import org.parley.ingest.pdf.Ruling;
import org.parley.ingest.pdf.StructureTag;
import org.parley.ingest.pdf.TextLine;
import org.parley.ingest.pdf.TextRun;

/**
 * The tables of one page, and the page without them: the lines a table covers are taken
 * out, and one stand-in line takes the table's place at its top, so that the table is
 * read where it sits, as one block, and none of its rows can become a heading or a
 * paragraph. The stand-in's run carries the {@link #ROLE} tag with the table's number.
 *
 * @param tables the tables found, in the order of their stand-ins' numbers
 * @param page the page's lines with each table replaced by its stand-in
 */
public record PageTables(List<DetectedTable> tables, ExtractedPage page) {

	/** The tag role of a table's stand-in line. */
	public static final String ROLE = "Parley-Table";

	private static final String STAND_IN = "\uFFFC";

	/** A cell with more words than this is running text, not a table's cell. */
	private static final int MAX_CELL_WORDS = 80;

	/**
	 * Finds the tables of a page, numbering them from {@code first}.
	 */
	public static PageTables of(ExtractedPage page, int first) {
		if (page.words().isEmpty()) {
			return new PageTables(List.of(), page);
		}
		List<Ruling> rules = new ArrayList<>(
				Lattice.merged(page.rulings().stream().filter(Ruling::horizontal).toList()));
		rules.addAll(Lattice.merged(page.rulings().stream().filter(Ruling::vertical).toList()));
		List<DetectedTable> found = new ArrayList<>();
		for (DetectedTable table : Lattice.tables(page.number(), rules, page.words())) {
			if (plausible(table)) {
				found.add(table);
			}
		}
		found.addAll(Stream.tables(page.number(), page.lines(), page.words(), rules, found));
		if (found.isEmpty()) {
			return new PageTables(List.of(), page);
		}
		found.sort((a, b) -> Float.compare(a.top(), b.top()));
		List<TextLine> lines = new ArrayList<>();
		boolean[] placed = new boolean[found.size()];
		for (TextLine line : page.lines()) {
			List<TextRun> kept = new ArrayList<>();
			for (TextRun run : line.runs()) {
				int table = covering(found, run);
				if (table < 0) {
					kept.add(run);
				}
				else if (!placed[table]) {
					placed[table] = true;
					flush(lines, kept);
					lines.add(standIn(found.get(table), first + table));
				}
			}
			flush(lines, kept);
		}
		for (int table = 0; table < found.size(); table++) {
			if (!placed[table]) {
				lines.add(standIn(found.get(table), first + table));
			}
		}
		return new PageTables(found, page.withLines(lines));
	}

	/**
	 * The number of the table a line stands in for, or -1 when it is a line of text.
	 */
	public static int tableOf(TextLine line) {
		StructureTag tag = line.firstTag();
		return (tag != null && ROLE.equals(tag.role())) ? tag.element() : -1;
	}

	private static void flush(List<TextLine> lines, List<TextRun> runs) {
		if (!runs.isEmpty()) {
			lines.add(new TextLine(runs));
			runs.clear();
		}
	}

	private static TextLine standIn(DetectedTable table, int number) {
		// One character at a size no text has: it never looks like a heading or a
		// title, and it weighs nothing in the body text's statistics.
		return new TextLine(List.of(new TextRun(STAND_IN, table.left(), table.top() + 1, table.right() - table.left(),
				1f, false, false, new StructureTag(ROLE, number), table.right() - table.left())));
	}

	private static int covering(List<DetectedTable> tables, TextRun run) {
		float middle = run.x() + run.width() / 2;
		for (int i = 0; i < tables.size(); i++) {
			DetectedTable table = tables.get(i);
			if (run.baseline() >= table.top() && run.baseline() <= table.bottom() + 1 && middle >= table.left() - 1
					&& middle <= table.right() + 1) {
				return i;
			}
		}
		return -1;
	}

	private static boolean plausible(DetectedTable table) {
		if (Stream.listLike(table.rows())) {
			return false;
		}
		int filled = 0;
		for (List<String> row : table.rows()) {
			for (String cell : row) {
				if (Stream.words(cell) > MAX_CELL_WORDS) {
					return false;
				}
				if (!cell.isEmpty()) {
					filled++;
				}
			}
		}
		return filled >= 4;
	}

}
