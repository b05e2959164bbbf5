package org.parley.web.outcome;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.outcome.CommentRecords;
import org.parley.domain.participation.VoteRepository;
import org.parley.web.system.SpreadsheetText;

/**
 * Every comment of a discussion as an XLSX workbook, with the votes per section on a
 * second sheet. POI's SXSSF keeps a window of {@value #WINDOW} rows in memory and flushes
 * the rest to a compressed temporary file as it goes, so a hundred thousand comments
 * never sit in memory together; the temporary file is deleted when the workbook is
 * written.
 * <p>
 * Text is written as text, never as a formula. A cell whose text a spreadsheet would read
 * as a formula ({@link SpreadsheetText#isFormula}) is marked quote-prefixed as well, so
 * that editing it keeps it text.
 */
final class CommentsXlsx {

	static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final int WINDOW = 200;

	/** Excel's limit for the text of one cell. */
	static final int MAX_CELL_TEXT = 32_767;

	private CommentsXlsx() {
	}

	/**
	 * @return how many comments it wrote
	 */
	static long write(CommentRecords records, DiscussionRepository discussions, VoteRepository votes, UUID discussionId,
			boolean includeHidden, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		workbook.setCompressTempFiles(true);
		try {
			Styles styles = new Styles(workbook);
			SXSSFSheet comments = workbook.createSheet("Comments");
			header(comments, CommentColumns.HEADER, styles);
			int[] next = { 1 };
			records.forEach(discussionId, includeHidden,
					c -> row(comments, next[0]++, CommentColumns.cells(c), styles));
			SXSSFSheet votesSheet = workbook.createSheet("Votes");
			header(votesSheet, VotesCsv.HEADER, styles);
			int line = 1;
			for (VotesCsv.Row v : VotesCsv.rows(discussions, votes, discussionId)) {
				row(votesSheet, line++, List.of(v.number(), v.label(), v.heading(), v.agree(), v.disagree(),
						(v.positivePercent() != null) ? v.positivePercent() : ""), styles);
			}
			workbook.write(out);
			return next[0] - 1L;
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		finally {
			workbook.close();
			workbook.dispose();
		}
	}

	private static void header(SXSSFSheet sheet, List<String> names, Styles styles) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < names.size(); i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(names.get(i));
			cell.setCellStyle(styles.header);
			sheet.setColumnWidth(i, Math.min(60, Math.max(12, names.get(i).length() + 4)) * 256);
		}
		sheet.createFreezePane(0, 1);
	}

	private static void row(SXSSFSheet sheet, int index, List<?> cells, Styles styles) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < cells.size(); i++) {
			Object value = cells.get(i);
			if (value == null) {
				continue;
			}
			Cell cell = row.createCell(i);
			if (value instanceof Integer number) {
				cell.setCellValue(number);
			}
			else if (value instanceof OffsetDateTime at) {
				cell.setCellValue(at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
				cell.setCellStyle(styles.moment);
			}
			else {
				String text = value.toString();
				cell.setCellValue((text.length() > MAX_CELL_TEXT) ? text.substring(0, MAX_CELL_TEXT) : text);
				if (SpreadsheetText.isFormula(text)) {
					cell.setCellStyle(styles.quoted);
				}
			}
		}
	}

	private static final class Styles {

		final CellStyle header;

		final CellStyle moment;

		final CellStyle quoted;

		Styles(SXSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			this.moment = workbook.createCellStyle();
			this.moment.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
			this.quoted = workbook.createCellStyle();
			this.quoted.setQuotePrefixed(true);
		}

	}

}
