package org.parley.ingest.structure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.parley.ingest.pdf.ExtractedDocument;
import org.parley.ingest.pdf.ExtractedDocument.Bookmark;
import org.parley.ingest.pdf.ExtractedPage;
import org.parley.ingest.pdf.TextLine;
import org.parley.ingest.pdf.TextRun;

/**
 * Reads a text fixture describing positioned lines into an {@link ExtractedDocument}, the
 * way the PDF extractor would produce it. Lines look like
 * {@code x baseline size [flags] | text}: flag {@code b} is bold, {@code i} italic,
 * {@code f} a full line reaching the page's right text margin, and {@code r<x>} a line
 * ending at x; otherwise a line is as wide as its characters at half the font size each.
 * Entries on the same baseline become runs of one line, as on two-column pages. A page
 * starts with {@code page <number> right <margin>}.
 */
final class PageFixture {

	private static final float PAGE_WIDTH = 595;

	private static final float PAGE_HEIGHT = 842;

	private PageFixture() {
	}

	static ExtractedDocument read(String resource) {
		try (InputStream in = PageFixture.class.getResourceAsStream("/structure/" + resource)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + resource);
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ExtractedDocument parse(String fixture) {
		List<ExtractedPage> pages = new ArrayList<>();
		Map<Float, List<TextRun>> lines = null;
		int number = 0;
		float right = PAGE_WIDTH - 56;
		for (String row : fixture.split("\n")) {
			String line = row.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("page ")) {
				if (lines != null) {
					pages.add(page(number, lines));
				}
				String[] words = line.split("\\s+");
				number = Integer.parseInt(words[1]);
				right = (words.length > 3) ? Float.parseFloat(words[3]) : right;
				lines = new TreeMap<>();
				continue;
			}
			int bar = line.indexOf('|');
			String[] spec = line.substring(0, bar).strip().split("\\s+");
			String text = line.substring(bar + 1).strip();
			float x = Float.parseFloat(spec[0]);
			float baseline = Float.parseFloat(spec[1]);
			float size = Float.parseFloat(spec[2]);
			String flags = "";
			float width = text.length() * size * 0.5f;
			for (int i = 3; i < spec.length; i++) {
				if (spec[i].matches("r[0-9.]+")) {
					width = Float.parseFloat(spec[i].substring(1)) - x;
				}
				else {
					flags += spec[i];
				}
			}
			if (flags.contains("f")) {
				width = right - x;
			}
			lines.computeIfAbsent(baseline, (key) -> new ArrayList<>())
				.add(new TextRun(text, x, baseline, width, size, flags.contains("b"), flags.contains("i"), null));
		}
		if (lines != null) {
			pages.add(page(number, lines));
		}
		return new ExtractedDocument(null, List.<Bookmark>of(), false, pages);
	}

	private static ExtractedPage page(int number, Map<Float, List<TextRun>> lines) {
		List<TextLine> textLines = new ArrayList<>();
		for (List<TextRun> runs : lines.values()) {
			runs.sort(Comparator.comparingDouble(TextRun::x));
			textLines.add(new TextLine(runs));
		}
		return new ExtractedPage(number, PAGE_WIDTH, PAGE_HEIGHT, textLines);
	}

}
