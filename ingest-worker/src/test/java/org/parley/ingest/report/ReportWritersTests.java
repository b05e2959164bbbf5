package org.parley.ingest.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two writers on a consultation made in memory, read back with PDFBox and POI: the
 * PDF is tagged, has its language, title and bookmarks, embeds its fonts, and says what
 * the consultation said; the DOCX has heading styles and the same content.
 */
class ReportWritersTests {

	@Test
	void pdfIsTaggedWithItsLanguageTitleAndBookmarksFollowingTheSections() throws IOException {
		Consultation consultation = SampleConsultation.of(12, 60, Locale.ENGLISH);
		byte[] pdf = pdf(consultation);

		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getDocumentCatalog().getMarkInfo()).isNotNull();
			assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
			assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
			assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(consultation.title());
			List<String> bookmarks = new ArrayList<>();
			for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
				bookmarks.add(item.getTitle());
				item.children().forEach(child -> bookmarks.add(child.getTitle()));
			}
			assertThat(bookmarks).contains("The consultation at a glance", "Responses by status",
					"The sections and what people said", consultation.sections().get(0).name());
			for (PDFont font : fonts(doc)) {
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
			}
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains(consultation.title(), "Most controversial", "Partly accepted",
					"Identical or nearly identical text sent by 2,300 participants", "A former participant");
		}
	}

	@Test
	void pdfInGermanSaysSoAndSpeaksIt() throws IOException {
		byte[] pdf = pdf(SampleConsultation.of(3, 5, Locale.GERMAN));
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("de");
			assertThat(new PDFTextStripper().getText(doc)).contains("Antworten nach Status");
		}
	}

	@Test
	void pdfIsNumberedInTheFootFromTheSecondPageOn() throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf(SampleConsultation.of(12, 60, Locale.ENGLISH)))) {
			assertThat(doc.getNumberOfPages()).isGreaterThan(5);
			assertThat(pageText(doc, 1)).doesNotContain("Page 1");
			for (int n = 2; n <= doc.getNumberOfPages(); n++) {
				assertThat(lines(pageText(doc, n))).as("page %d", n).contains("Parley Page " + n);
			}
		}
	}

	@Test
	void contentsPageNumbersAndLinksPointToThePagesOfTheirHeadings() throws IOException {
		// 200 sections, 50 at the top level: the contents run over two pages.
		Consultation consultation = SampleConsultation.of(200, 100, Locale.ENGLISH);
		try (PDDocument doc = Loader.loadPDF(pdf(consultation))) {
			Map<String, Integer> entries = new java.util.LinkedHashMap<>();
			Pattern entry = Pattern.compile("^(.*\\S)\\s+(\\d+)$");
			int tocPages = 0;
			List<List<String>> pages = new ArrayList<>();
			for (int n = 1; n <= doc.getNumberOfPages(); n++) {
				pages.add(lines(pageText(doc, n)));
			}
			for (int n = 2; n <= doc.getNumberOfPages(); n++) {
				String text = String.join("\n", pages.get(n - 1));
				if (n > 2 && text.contains("The consultation at a glance") && !text.contains("Contents")) {
					break;
				}
				tocPages++;
				for (String line : lines(text)) {
					Matcher m = entry.matcher(line);
					if (m.matches() && !line.startsWith("Parley Page ")) {
						entries.put(m.group(1), Integer.parseInt(m.group(2)));
					}
				}
			}
			assertThat(tocPages).isEqualTo(2);
			assertThat(entries).hasSize(4 + 50)
				.containsKeys("Responses by status", consultation.sections().get(196).name());
			for (Map.Entry<String, Integer> e : entries.entrySet()) {
				int first = 0;
				for (int n = 2 + tocPages; n <= doc.getNumberOfPages() && first == 0; n++) {
					if (pages.get(n - 1).contains(e.getKey())) {
						first = n;
					}
				}
				assertThat(first).as(e.getKey()).isEqualTo(e.getValue());
			}
			List<Integer> targets = new ArrayList<>();
			for (int n = 2; n < 2 + tocPages; n++) {
				for (PDAnnotation a : doc.getPage(n - 1).getAnnotations()) {
					PDPageDestination d = (PDPageDestination) ((PDAnnotationLink) a).getDestination();
					targets.add(doc.getPages().indexOf(d.getPage()) + 1);
					assertThat(a.getStructParent()).as("the link is tagged").isGreaterThanOrEqualTo(0);
				}
			}
			assertThat(targets).containsExactlyElementsOf(entries.values());
		}
	}

	@Test
	void commentOf20000CharactersRunsOverPagesWithinTheMargins() throws IOException {
		StringBuilder text = new StringBuilder();
		int words = 0;
		while (text.length() < 20_000) {
			text.append("word").append(words++).append(' ');
		}
		Consultation consultation = SampleConsultation.withComment(SampleConsultation.of(3, 5, Locale.ENGLISH),
				text.toString().strip(), "We read all of it.");
		try (PDDocument doc = Loader.loadPDF(pdf(consultation))) {
			Margins margins = margins(doc);
			assertThat(margins.left()).isGreaterThanOrEqualTo(PdfLayout.LEFT - 0.5f);
			assertThat(margins.right()).isLessThanOrEqualTo(PdfLayout.RIGHT + 0.5f);
			List<Integer> pages = new ArrayList<>();
			for (int n = 1; n <= doc.getNumberOfPages(); n++) {
				String page = pageText(doc, n);
				if (page.contains("word100 ") || page.contains("word" + (words / 2) + " ")
						|| page.contains("word" + (words - 1))) {
					pages.add(n);
				}
			}
			assertThat(pages).as("the beginning, middle and end of the comment").hasSize(3);
			assertThat(pages.get(2) - pages.get(0)).isGreaterThanOrEqualTo(3);
			assertThat(bodyText(doc)).contains(text.toString().strip()).contains("We read all of it.");
		}
	}

	@Test
	void wordLongerThanALineIsBrokenWithinTheMargins() throws IOException {
		String word = "https://example.org/" + "x".repeat(200) + "/" + "0123456789".repeat(20);
		Consultation consultation = SampleConsultation.withComment(SampleConsultation.of(2, 3, Locale.ENGLISH),
				"See " + word + " for it.", null);
		try (PDDocument doc = Loader.loadPDF(pdf(consultation))) {
			assertThat(margins(doc).right()).isLessThanOrEqualTo(PdfLayout.RIGHT + 0.5f);
			assertThat(bodyText(doc).replace(" ", "")).contains("See" + word + "forit.");
		}
	}

	@Test
	void textInOtherLanguagesAndScriptsSurvivesAndWhatNoFontHasIsCarriedAsActualText() throws IOException {
		String latin = "Größere Straßen für Fußgänger; l’élève à Noël; el niño y la señora; Ελληνικά; Русский текст";
		String other = "中文 😀";
		// Control and format characters and a lone surrogate, as pasted text brings them.
		String pasted = "a\u0007bell\uD800lone\u200Bjoined\u00ADword";
		Consultation consultation = SampleConsultation.withComment(SampleConsultation.of(2, 3, Locale.GERMAN),
				latin + " " + other + " " + pasted, "Ça marche, señor.");
		try (PDDocument doc = Loader.loadPDF(pdf(consultation))) {
			String all = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			assertThat(all).contains(latin, "Ça marche, señor.", "abelllonejoinedword");
			Set<String> actual = new HashSet<>();
			for (PDPage page : doc.getPages()) {
				for (COSName name : page.getResources().getPropertiesNames()) {
					String text = page.getResources().getProperties(name).getCOSObject().getString(COSName.ACTUAL_TEXT);
					if (text != null) {
						actual.add(text);
					}
				}
			}
			assertThat(actual).contains("中", "文", "😀");
			for (PDFont font : fonts(doc)) {
				assertThat(font.isEmbedded()).isTrue();
			}
		}
	}

	@Test
	void pdfStructureTreeHasTheReportsElementsAndEveryMarkIsInTheParentTree() throws IOException {
		Consultation consultation = SampleConsultation.of(12, 60, Locale.ENGLISH);
		try (PDDocument doc = Loader.loadPDF(pdf(consultation))) {
			var root = doc.getDocumentCatalog().getStructureTreeRoot();
			assertThat(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
			assertThat(new String(doc.getDocumentCatalog().getMetadata().toByteArray(),
					java.nio.charset.StandardCharsets.UTF_8))
				.contains(consultation.title(), "<pdfuaid:part>1</pdfuaid:part>");
			List<PDStructureElement> elements = new ArrayList<>();
			Map<PDPage, Set<Integer>> marks = new HashMap<>();
			walk(root, elements, marks);
			List<String> types = elements.stream().map(PDStructureElement::getStructureType).toList();
			assertThat(types.get(0)).isEqualTo("Document");
			assertThat(types).contains("H1", "H2", "H3", "H4", "P", "L", "LI", "LBody", "Table", "TR", "TH", "TD",
					"Figure", "TOC", "TOCI", "Link", "BlockQuote", "Div");
			assertThat(elements.stream().filter(e -> "Figure".equals(e.getStructureType())))
				.allSatisfy(f -> assertThat(f.getAlternateDescription()).startsWith("Votes on this section: "));
			assertThat(types.indexOf("TOC")).as("the contents in reading order, after the cover")
				.isLessThan(types.indexOf("Table"));
			int level = 0;
			for (String type : types) {
				if (type.matches("H[1-6]")) {
					int next = type.charAt(1) - '0';
					assertThat(next).as("no heading level is skipped (PDF/UA)").isLessThanOrEqualTo(level + 1);
					level = next;
				}
			}

			PDNumberTreeNode parents = root.getParentTree();
			int pagesWithMarks = 0;
			for (PDPage page : doc.getPages()) {
				PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
				extractor.processPage(page);
				Set<Integer> drawn = new HashSet<>();
				collect(extractor.getMarkedContents(), drawn);
				assertThat(drawn).as("every marked content of the page is in the structure, and back")
					.isEqualTo(marks.getOrDefault(page, Set.of()));
				if (!drawn.isEmpty()) {
					pagesWithMarks++;
					COSArray owners = (COSArray) ((org.apache.pdfbox.pdmodel.common.COSObjectable) parents
						.getValue(page.getStructParents())).getCOSObject();
					assertThat(owners.size()).isEqualTo(drawn.size());
				}
			}
			assertThat(pagesWithMarks).isEqualTo(doc.getNumberOfPages());
		}
	}

	private static void walk(PDStructureNode node, List<PDStructureElement> elements, Map<PDPage, Set<Integer>> marks) {
		for (Object kid : node.getKids()) {
			if (kid instanceof PDStructureElement e) {
				elements.add(e);
				walk(e, elements, marks);
			}
			else if (kid instanceof PDMarkedContentReference r) {
				marks.computeIfAbsent(r.getPage(), p -> new HashSet<>()).add(r.getMCID());
			}
			else if (!(kid instanceof PDObjectReference)) {
				throw new AssertionError("an unexpected kid " + kid);
			}
		}
	}

	private static void collect(List<PDMarkedContent> contents, Set<Integer> mcids) {
		for (PDMarkedContent mc : contents) {
			if (mc.getMCID() >= 0) {
				mcids.add(mc.getMCID());
			}
			collect(mc.getContents()
				.stream()
				.filter(PDMarkedContent.class::isInstance)
				.map(PDMarkedContent.class::cast)
				.toList(), mcids);
		}
	}

	private record Margins(float left, float right) {
	}

	/** The leftmost and rightmost ink of the text on all pages. */
	private static Margins margins(PDDocument doc) throws IOException {
		float[] edges = { Float.MAX_VALUE, 0 };
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void writeString(String text, List<TextPosition> positions) throws IOException {
				for (TextPosition p : positions) {
					edges[0] = Math.min(edges[0], p.getXDirAdj());
					edges[1] = Math.max(edges[1], p.getXDirAdj() + p.getWidthDirAdj());
				}
				super.writeString(text, positions);
			}
		};
		stripper.getText(doc);
		return new Margins(edges[0], edges[1]);
	}

	/** The text of all pages without their running heads and feet, in one line. */
	private static String bodyText(PDDocument doc) throws IOException {
		StringBuilder text = new StringBuilder();
		for (int n = 1; n <= doc.getNumberOfPages(); n++) {
			List<String> lines = lines(pageText(doc, n));
			for (int i = (n > 1) ? 1 : 0; i < lines.size(); i++) {
				if (!lines.get(i).matches("Parley Page \\d+")) {
					text.append(lines.get(i)).append(' ');
				}
			}
		}
		return text.toString().replaceAll("\\s+", " ");
	}

	private static String pageText(PDDocument doc, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(doc);
	}

	private static List<String> lines(String text) {
		return text.lines().map(String::strip).toList();
	}

	@Test
	void docxHasHeadingStylesAndTheSameContent() throws IOException {
		Consultation consultation = SampleConsultation.of(12, 60, Locale.ENGLISH);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DocxReport.write(consultation, out, n -> {
		});
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo(consultation.title());
			List<String> headings = doc.getParagraphs()
				.stream()
				.filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading"))
				.map(XWPFParagraph::getText)
				.toList();
			assertThat(headings).contains("Responses by status", consultation.sections().get(0).name());
			assertThat(doc.getStyles().getStyle("Heading1")).isNotNull();
			assertThat(doc.getAllPictures()).isNotEmpty();
			String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
			assertThat(text).contains("Identical or nearly identical text sent by 2,300 participants");
			assertThat(doc.getTables().get(0).getText()).contains("People invited by email");
		}
	}

	static byte[] pdf(Consultation consultation) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfReport.write(consultation, out, n -> {
		});
		Path target = Path.of("target", "report-samples");
		Files.createDirectories(target);
		Files.write(target.resolve("sample-" + consultation.language() + ".pdf"), out.toByteArray());
		return out.toByteArray();
	}

	private static List<PDFont> fonts(PDDocument doc) throws IOException {
		List<PDFont> fonts = new ArrayList<>();
		for (var page : doc.getPages()) {
			for (var name : page.getResources().getFontNames()) {
				fonts.add(page.getResources().getFont(name));
			}
		}
		return fonts;
	}

}
