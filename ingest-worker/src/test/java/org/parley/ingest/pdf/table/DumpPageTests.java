package org.parley.ingest.pdf.table;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parley.ingest.pdf.ExtractedDocument;
import org.parley.ingest.pdf.ExtractedPage;
import org.parley.ingest.pdf.PdfTextExtractor;
import org.parley.ingest.pdf.TextLine;
import org.parley.ingest.pdf.TextRun;

@EnabledIfSystemProperty(named = "dump", matches = ".+")
class DumpPageTests {

	@Test
	void dump() {
		String doc = System.getProperty("dump");
		int pageNumber = Integer.getInteger("page", 1);
		ExtractedDocument document = new PdfTextExtractor(1000)
			.extract(Path.of("src/test/resources/corpus/" + doc + "/doc.pdf"), (a, b) -> {
			});
		ExtractedPage page = document.pages().get(pageNumber - 1);
		System.out.println("RULINGS " + page.rulings().size());
		page.rulings()
			.forEach(r -> System.out.printf("  R %s %.1f %.1f %.1f %.1f%n", r.horizontal() ? "H" : "V", r.x1(), r.y1(),
					r.x2(), r.y2()));
		for (TextLine line : page.lines()) {
			StringBuilder b = new StringBuilder();
			for (TextRun run : line.runs()) {
				b.append(String.format("[%.0f-%.0f %s]", run.x(), run.right(), run.text()));
			}
			System.out.printf("L %.1f %.1f %s rowLike=%s%n", line.baseline(), line.fontSize(), b, Stream.rowLike(line));
		}
		PageTables tables = PageTables.of(page, 0);
		for (DetectedTable table : tables.tables()) {
			System.out.printf("TABLE %.0f %.0f %.0f %.0f h%d%n", table.left(), table.top(), table.right(),
					table.bottom(), table.headerRows());
			table.rows().forEach(row -> System.out.println("   " + row));
		}
	}

}
