package org.parley.standalone.production;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A draft PDF of exactly the asked number of pages, made with PDFBox at test time, whose
 * outline is known by construction: a title on the first page, then chapters {@code 1.},
 * {@code 2.}, … (bold, 14 pt) with sections {@code 1.1.}, {@code 1.2.}, … (bold, 12 pt),
 * each with two paragraphs of running text (11 pt), and a page number in every footer,
 * which the import must drop. Its text is made from a fixed vocabulary by a seeded
 * random, so the same arguments give the same document.
 */
final class NumberedDraft {

	static final String TITLE = "Numbered draft for the fault scenarios";

	private static final float BODY_SIZE = 11f;

	private static final float BODY_LEADING = 14f;

	private static final float PARAGRAPH_GAP = 10f;

	private static final float MARGIN = 72f;

	private static final float TOP = 720f;

	private static final float BOTTOM = 110f;

	private static final String[] WORDS = ("public open draft review register record partner member council "
			+ "citizen budget report policy service access notice comment proposal measure region office "
			+ "standard practice network support method outcome evidence target period reform dialogue "
			+ "planning account oversight process consent charter audit data panel forum agenda decision")
		.split(" ");

	private NumberedDraft() {
	}

	/**
	 * A draft of {@code pages} pages, and the sections (in document order) that its
	 * import must give: chapters at level 1, their sections at level 2.
	 */
	static Draft of(int pages, long seed) {
		Random random = new Random(seed);
		PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
		PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
		float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
		List<Draft.Section> sections = new ArrayList<>();
		try (PDDocument document = new PDDocument()) {
			int page = 1;
			PDPageContentStream content = newPage(document, regular, page, pages);
			float y = TOP;
			write(content, bold, 20f, MARGIN, y, TITLE);
			y -= 40f;
			int chapter = 0;
			int section = 0;
			while (true) {
				boolean opensChapter = chapter == 0 || section == 3;
				int nextChapter = opensChapter ? chapter + 1 : chapter;
				int nextSection = opensChapter ? 0 : section + 1;
				String label = opensChapter ? nextChapter + "." : nextChapter + "." + nextSection + ".";
				String heading = capitalised(words(random, 3 + random.nextInt(4)));
				float size = opensChapter ? 14f : 12f;
				List<List<String>> paragraphs = List.of(lines(paragraph(random), regular, width),
						lines(paragraph(random), regular, width));
				float height = 18f + size * 1.3f + 6f + paragraphs.stream().mapToInt(List::size).sum() * BODY_LEADING
						+ PARAGRAPH_GAP;
				if (y - height < BOTTOM) {
					content.close();
					if (page == pages) {
						break;
					}
					page++;
					content = newPage(document, regular, page, pages);
					y = TOP;
				}
				chapter = nextChapter;
				section = nextSection;
				y -= 18f;
				write(content, bold, size, MARGIN, y, label + " " + heading);
				y -= size * 1.3f + 6f;
				List<String> texts = new ArrayList<>();
				for (List<String> lines : paragraphs) {
					for (String line : lines) {
						y -= BODY_LEADING;
						write(content, regular, BODY_SIZE, MARGIN, y, line);
					}
					y -= PARAGRAPH_GAP;
					texts.add("PARAGRAPH: " + String.join(" ", lines));
				}
				sections.add(new Draft.Section(label, heading, opensChapter ? 1 : 2, texts));
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return new Draft("numbered-" + pages + "p.pdf", out.toByteArray(), pages, TITLE, sections);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PDPageContentStream newPage(PDDocument document, PDType1Font font, int page, int pages)
			throws IOException {
		PDPage pdPage = new PDPage(PDRectangle.A4);
		document.addPage(pdPage);
		PDPageContentStream content = new PDPageContentStream(document, pdPage);
		write(content, font, 9f, PDRectangle.A4.getWidth() / 2 - 30f, 40f, "Page " + page + " of " + pages);
		return content;
	}

	private static void write(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
			throws IOException {
		content.beginText();
		content.setFont(font, size);
		content.newLineAtOffset(x, y);
		content.showText(text);
		content.endText();
	}

	/** Four sentences of eight to fourteen words. */
	private static String paragraph(Random random) {
		List<String> sentences = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			sentences.add(capitalised(words(random, 8 + random.nextInt(7))) + ".");
		}
		return String.join(" ", sentences);
	}

	private static String words(Random random, int count) {
		List<String> words = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			words.add(WORDS[random.nextInt(WORDS.length)]);
		}
		return String.join(" ", words);
	}

	private static String capitalised(String text) {
		return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
	}

	/** Greedy wrapping: a line ends only where the next word would not fit. */
	private static List<String> lines(String text, PDType1Font font, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (font.getStringWidth(candidate) / 1000 * BODY_SIZE > width && !line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
				line.append(word);
			}
			else {
				line.setLength(0);
				line.append(candidate);
			}
		}
		lines.add(line.toString());
		return lines;
	}

}
